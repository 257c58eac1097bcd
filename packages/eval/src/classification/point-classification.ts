import { type BooleanArray, checkAlignedBooleans } from '../metric-input.ts';
import { ratioOrZero } from './ratio.ts';

/** Point-level confusion counts and rates of a binary detector. */
export interface PointClassification {
  /** Steps flagged and truly anomalous. */
  tp: number;
  /** Steps flagged but normal. */
  fp: number;
  /** Anomalous steps not flagged. */
  fn: number;
  /** Normal steps not flagged. */
  tn: number;
  /** `tp / (tp + fp)`; 0 when nothing is flagged. */
  precision: number;
  /** `tp / (tp + fn)`; 0 when nothing is anomalous. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** `fp / (fp + tn)`; 0 when every step is anomalous. */
  falsePositiveRate: number;
}

/**
 * Precision, recall, F1 and false positive rate counted step by step: each index of `actual`
 * (truth) and `predicted` (detector output) is one sample. Accepts booleans or 0/1 bytes.
 */
export function pointClassification(actual: BooleanArray, predicted: BooleanArray): PointClassification {
  const n = checkAlignedBooleans('pointClassification', actual, predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < n; i++) {
    const a = Boolean(actual[i]);
    const p = Boolean(predicted[i]);
    if (a && p) tp++;
    else if (p) fp++;
    else if (a) fn++;
    else tn++;
  }
  const precision = ratioOrZero(tp, tp + fp);
  const recall = ratioOrZero(tp, tp + fn);
  return {
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: ratioOrZero(2 * precision * recall, precision + recall),
    falsePositiveRate: ratioOrZero(fp, fp + tn),
  };
}
