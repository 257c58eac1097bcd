import type { CapacityPlan } from '@cdf/capacity';

/**
 * A warning when the plan sized a target that does not look like compute as if it were TFLOPS
 * (the planner's default unit): GPU counts from request or token counts mean nothing until
 * `capacity.params.demand` says what one GPU serves. Undefined when the plan is fine (a
 * `*flops*` target, a configured demand unit, or a capacity plug-in without a demand unit).
 */
export function capacityUnitWarning(target: string, plan: CapacityPlan | undefined): string | undefined {
  if (plan?.demand?.from_gpu_profile !== true || /flop/i.test(target)) return undefined;
  return (
    `capacity sized "${target}" as TFLOPS; set capacity.params.demand ` +
    `({"unit": "...", "per_gpu": N}: what one GPU serves) in --config for meaningful GPU counts`
  );
}
