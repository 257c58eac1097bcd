import { CdfError, CdfErrorCode } from '@cdf/core';
import { type BooleanArray, checkAlignedFinite, type NumericArray } from '../metric-input.ts';

/**
 * Area under the ROC curve of `scores` against binary `labels`, via the Mann-Whitney U
 * statistic: `(sum of positive ranks - P(P+1)/2) / (P N)`, with tied scores given their average
 * rank (so a tie between a positive and a negative counts one half). 1 = perfect ranking,
 * 0.5 = chance. Throws `CdfError` `INVALID_VALUE` unless both classes are present.
 */
export function rocAuc(labels: BooleanArray, scores: NumericArray): number {
  const n = checkAlignedFinite('rocAuc', { scores });
  if (labels.length !== n) {
    throw new CdfError(CdfErrorCode.InvalidValue, `rocAuc: "labels" has ${labels.length} values`, {
      column: 'labels',
      value: String(labels.length),
      expected: `${n} values, as many as "scores"`,
    });
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const averageRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!]) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      'rocAuc: needs at least one positive and one negative label',
      {
        column: 'labels',
        value: `${positives} positive, ${negatives} negative`,
        expected: 'both classes present',
      },
    );
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
