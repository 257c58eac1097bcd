/** @cdf/spikes: Anomaly detectors, spike events and their classification, spike probability and magnitude models, a streaming detector */
export {};
