/**
 * Keep a score only where it beats every score of the previous `window` steps, else 0: a
 * sustained anomaly then raises one alarm at its onset (and again only if it grows), not one per
 * step. Causal, threshold-free: at any threshold, a run of high scores fires once.
 */
export function suppressRepeats(scores: Float64Array, window: number): Float64Array {
  if (window <= 0) return scores.slice();
  const out = new Float64Array(scores.length);
  // Monotone deque of indices with decreasing scores: the running max of the last `window`.
  const deque = new Int32Array(scores.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < scores.length; i++) {
    while (head < tail && deque[head]! < i - window) head++;
    const s = scores[i]!;
    const previousMax = head < tail ? scores[deque[head]!]! : Number.NEGATIVE_INFINITY;
    out[i] = s > previousMax ? s : 0;
    while (head < tail && scores[deque[tail - 1]!]! <= s) tail--;
    deque[tail++] = i;
  }
  return out;
}
