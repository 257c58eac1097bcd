/** Spike-history columns of one series. */
export interface SpikeHistory {
  /** Hours since the last anomalous point at or before each point (0 when the point itself is anomalous), capped. */
  hoursSince: Float64Array;
  /** For each window, anomaly episodes that started inside the trailing window (origin included). */
  counts: Float64Array[];
}

/**
 * Spike history from an anomaly mask (1 = anomalous point, as a detector saw it at that point).
 * An episode is a run of consecutive anomalous points, counted at its first point, so a 6-hour
 * spike counts once at any step. Point `i` reads `mask[0..i]` only.
 *
 * @param windows trailing windows in steps (origin included)
 * @param capHours value of `hoursSince` when no anomaly is that recent (or none happened yet)
 */
export function spikeHistory(
  mask: Uint8Array,
  stepHours: number,
  windows: readonly number[],
  capHours: number,
): SpikeHistory {
  const n = mask.length;
  const hoursSince = new Float64Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 0) last = i;
    hoursSince[i] = last < 0 ? capHours : Math.min(capHours, (i - last) * stepHours);
  }
  const counts = windows.map((window) => {
    const out = new Float64Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (episodeStartsAt(mask, i)) count++;
      const leaveAt = i - window;
      if (leaveAt >= 0 && episodeStartsAt(mask, leaveAt)) count--;
      out[i] = count;
    }
    return out;
  });
  return { hoursSince, counts };
}

function episodeStartsAt(mask: Uint8Array, i: number): boolean {
  return mask[i] !== 0 && (i === 0 || mask[i - 1] === 0);
}
