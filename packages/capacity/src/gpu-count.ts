/**
 * The fewest GPUs of `tflops` each whose combined throughput covers `capacity`:
 * `ceil(capacity / tflops)`, corrected so that `gpus x tflops >= capacity` and
 * `(gpus - 1) x tflops < capacity` hold exactly in floating point.
 */
export function gpusFor(capacity: number, tflops: number): number {
  if (!(capacity > 0)) return 0;
  let n = Math.ceil(capacity / tflops);
  while (n * tflops < capacity) n++;
  while (n > 0 && (n - 1) * tflops >= capacity) n--;
  return n;
}

/**
 * GPUs for the smooth baseline run at the utilization target:
 * `ceil(baseline / (tflops x utilization_target))`.
 */
export function baselineGpusFor(baseline: number, tflops: number, utilizationTarget: number): number {
  return gpusFor(baseline, tflops * utilizationTarget);
}
