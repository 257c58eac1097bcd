/** The `horizon` timestamps after `lastTimestamp`, one step apart. */
export function futureTimestamps(lastTimestamp: number, stepMs: number, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) out[h] = lastTimestamp + (h + 1) * stepMs;
  return out;
}
