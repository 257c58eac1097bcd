import { FUTURE_PREFIX } from '@cdf/features';

/**
 * Each feature name of the origin followed by the same feature of the target hour (`future_`):
 * `['month_sin']` -> `['month_sin', 'future_month_sin']`. For the name sets the spike models
 * leave out or cap.
 */
export function originAndTarget(names: readonly string[]): string[] {
  return names.flatMap((name) => [name, FUTURE_PREFIX + name]);
}
