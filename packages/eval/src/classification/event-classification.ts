import { type BooleanArray, checkAlignedBooleans } from '../metric-input.ts';
import { eventsOf, type IndexEvent } from './events.ts';
import { ratioOrZero } from './ratio.ts';

/** Event-level scores of a binary detector. */
export interface EventClassification {
  /** The true events (runs of true steps in `actual`). */
  trueEvents: IndexEvent[];
  /** The predicted events (runs of true steps in `predicted`). */
  predictedEvents: IndexEvent[];
  /** True events overlapped by at least one predicted event. */
  detectedTrueEvents: number;
  /** Predicted events that overlap at least one true event. */
  matchedPredictedEvents: number;
  /** Predicted events that overlap no true event. */
  falseAlarms: number;
  /** `matchedPredictedEvents / predictedEvents`; 0 when nothing is predicted. */
  precision: number;
  /** `detectedTrueEvents / trueEvents`; 0 when there is no true event. */
  recall: number;
  /** Harmonic mean of event precision and recall. */
  f1: number;
  /**
   * `falseAlarms / predictedEvents` (= 1 - precision; 0 when nothing is predicted). Events have
   * no true negatives, so this false-alarm share stands in for a false positive rate.
   */
  falseAlarmRate: number;
}

/**
 * Precision, recall and F1 over events: an event is a maximal run of true steps, and a predicted
 * event matches a true event when they share at least one step. Event recall is the share of
 * true events matched; event precision the share of predicted events that match one. A long
 * alert covering two incidents counts once as a predicted event and detects both.
 */
export function eventClassification(actual: BooleanArray, predicted: BooleanArray): EventClassification {
  checkAlignedBooleans('eventClassification', actual, predicted);
  const trueEvents = eventsOf(actual);
  const predictedEvents = eventsOf(predicted);
  const trueHit = new Uint8Array(trueEvents.length);
  const predictedHit = new Uint8Array(predictedEvents.length);
  // Both lists are sorted and internally disjoint: a two-pointer sweep finds every overlap.
  let i = 0;
  let j = 0;
  while (i < trueEvents.length && j < predictedEvents.length) {
    const t = trueEvents[i]!;
    const p = predictedEvents[j]!;
    if (t.start <= p.end && p.start <= t.end) {
      trueHit[i] = 1;
      predictedHit[j] = 1;
    }
    if (t.end < p.end) i++;
    else j++;
  }
  const detectedTrueEvents = trueHit.reduce((a, b) => a + b, 0);
  const matchedPredictedEvents = predictedHit.reduce((a, b) => a + b, 0);
  const precision = ratioOrZero(matchedPredictedEvents, predictedEvents.length);
  const recall = ratioOrZero(detectedTrueEvents, trueEvents.length);
  const falseAlarms = predictedEvents.length - matchedPredictedEvents;
  return {
    trueEvents,
    predictedEvents,
    detectedTrueEvents,
    matchedPredictedEvents,
    falseAlarms,
    precision,
    recall,
    f1: ratioOrZero(2 * precision * recall, precision + recall),
    falseAlarmRate: ratioOrZero(falseAlarms, predictedEvents.length),
  };
}
