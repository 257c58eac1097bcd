import { createProphetBaseline } from '@cdf/baseline';
import { HOUR_MS, type PlannedEvent, plannedEventsMultiplier, type Series } from '@cdf/core';
import { empiricalCoverage, intervalScore, pinballLoss } from '@cdf/eval';
import { robustSpikeMask, withoutPlannedEvents } from '@cdf/quantile';
import { QUANTILE_COLUMNS, type ScoredWindow } from './forecast-accuracy.ts';

/** Weeks of history Prophet is fitted on (the ensemble baseline also reads recent weeks). */
export const PROPHET_WINDOW_WEEKS = 12;

/**
 * Prophet's own quantiles for one window, as `p50 .. p99` columns: the point forecast is P50
 * and the upper bound of the central interval at level `2q - 1` is quantile `q` (augurs Prophet
 * draws its uncertainty samples for the intervals). Fitted as cdf's quantile stage sees demand:
 * multiplicative seasonality, on the last {@link PROPHET_WINDOW_WEEKS} weeks of the history with
 * planned launches divided out and the robust causal spike mask of `@cdf/quantile` masked; the
 * planned profile multiplied back into every column.
 */
export async function prophetQuantileColumns(
  timestamps: Float64Array,
  history: Float64Array,
  horizon: number,
  planned: readonly PlannedEvent[],
): Promise<Record<string, Float64Array>> {
  const start = Math.max(0, history.length - PROPHET_WINDOW_WEEKS * 168);
  const values = history.slice(start);
  const series: Series = {
    id: 'prophet-reference',
    target: 'demand',
    stepMs: HOUR_MS,
    timestamps: timestamps.slice(start, history.length),
    values,
    filled: new Uint8Array(values.length),
    columns: { demand: values },
    timeZone: 'UTC',
  };
  const normal = withoutPlannedEvents(series, planned);
  const fitted = await createProphetBaseline({ seasonalityMode: 'multiplicative' }).fit(
    { series: normal, mask: robustSpikeMask(normal, 4, 'causal') },
    { seed: 0 },
  );
  const point = fitted.predict({ horizon });
  const plan = Float64Array.from(point.timestamps, (t) => plannedEventsMultiplier(planned, t));
  const scaled = (a: Float64Array) => Float64Array.from(a, (v, i) => Math.max(0, v) * plan[i]!);
  const columns: Record<string, Float64Array> = { p50: scaled(point.point) };
  for (const [name, level] of QUANTILE_COLUMNS) {
    if (level === 0.5) continue;
    const interval = fitted.predict({ horizon, level: 2 * level - 1 });
    columns[name] = scaled(interval.upper!);
  }
  return columns;
}

/** Pinball loss per scenario level, upper-interval scores and coverage of one method over windows. */
export interface QuantileScores {
  pinball: number[];
  /** Interval score of [0, P95] (alpha 0.05) and [0, P99] (alpha 0.01): capacity is bought from zero up. */
  upperInterval95: number;
  upperInterval99: number;
  coverage: number[];
}

/** Score the `p50 .. p99` columns of `forecasts` (one per window) against the windows' actuals. */
export function scoreQuantiles(
  windows: readonly ScoredWindow[],
  forecasts: ReadonlyArray<Record<string, Float64Array>>,
): QuantileScores {
  const actual = Float64Array.from(windows.flatMap((w) => Array.from(w.actual)));
  const column = (name: string) => Float64Array.from(forecasts.flatMap((f) => Array.from(f[name]!)));
  const zeros = new Float64Array(actual.length);
  return {
    pinball: QUANTILE_COLUMNS.map(([name, level]) => pinballLoss(actual, column(name), level)),
    upperInterval95: intervalScore(actual, zeros, column('p95'), 0.05),
    upperInterval99: intervalScore(actual, zeros, column('p99'), 0.01),
    coverage: empiricalCoverage(
      actual,
      QUANTILE_COLUMNS.map(([name, level]) => ({ level, values: column(name) })),
    ).map((c) => c.coverage),
  };
}
