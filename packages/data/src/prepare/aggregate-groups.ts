import type { Aggregation } from '@cdf/core';

/**
 * Combine the values of `source` into `groupCount` groups with one rule, ignoring missing (NaN)
 * cells: a group whose cells are all missing stays NaN, so gap filling sees it.
 *
 * Value `k` of the input is `source[order[k]]` (or `source[k]` without `order`) and belongs to
 * group `group[k]`. `last` keeps the last non-missing value in input order, which after a stable
 * sort is file order. The kernel is one pass over typed arrays: no per-row objects.
 */
export function aggregateGroups(
  source: Float64Array,
  order: Uint32Array | null,
  group: Uint32Array,
  groupCount: number,
  rule: Aggregation,
): Float64Array {
  const out = new Float64Array(groupCount).fill(Number.NaN);
  const n = group.length;
  if (rule === 'mean') {
    const count = new Uint32Array(groupCount);
    const sum = new Float64Array(groupCount);
    for (let k = 0; k < n; k++) {
      const v = source[order ? order[k]! : k]!;
      if (Number.isNaN(v)) continue;
      const g = group[k]!;
      sum[g]! += v;
      count[g]!++;
    }
    for (let g = 0; g < groupCount; g++) if (count[g]! > 0) out[g] = sum[g]! / count[g]!;
    return out;
  }
  for (let k = 0; k < n; k++) {
    const v = source[order ? order[k]! : k]!;
    if (Number.isNaN(v)) continue;
    const g = group[k]!;
    const current = out[g]!;
    if (Number.isNaN(current)) {
      out[g] = v;
      continue;
    }
    if (rule === 'sum') out[g] = current + v;
    else if (rule === 'max') out[g] = Math.max(v, current);
    else if (rule === 'min') out[g] = Math.min(v, current);
    else out[g] = v; // last
  }
  return out;
}
