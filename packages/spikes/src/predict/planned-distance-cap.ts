import type { FeatureMatrix } from '@cdf/features';
import { capColumns } from './cap-columns.ts';
import { originAndTarget } from './origin-and-target.ts';

/** The planned-event features the cap applies to, at the origin and at the target hour (`future_`). */
const PLANNED_DISTANCE_FEATURES: ReadonlySet<string> = new Set(
  originAndTarget(['hours_since_event_start', 'hours_until_event_start']),
);

/**
 * The design matrix with the hours since the latest planned start and until the next one (at
 * the origin and at the target hour) capped at `capHours` (other columns shared, not copied);
 * `null` leaves it as it is. A history holds a handful of launches, so "a launch starts in 7 days"
 * is a date the tree can learn the history's viral events by, as it did by the month (see
 * `SEASON_OF_YEAR_FEATURES`): on @cdf/data's generator (seed 276) quiet hours 6 to 16 days before
 * a launch got probabilities of 0.97, none a spike. Close to a launch the distance still tells
 * the tree that the plan is about to start or has just started.
 */
export function capPlannedDistance(matrix: FeatureMatrix, capHours: number | null): FeatureMatrix {
  if (capHours === null) return matrix;
  return capColumns(matrix, (name) => PLANNED_DISTANCE_FEATURES.has(name), capHours);
}
