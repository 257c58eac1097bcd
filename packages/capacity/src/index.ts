/** @cdf/capacity: From demand scenarios to GPUs, cost, tiers, an auto-scaling policy and recommendations */
export {};
