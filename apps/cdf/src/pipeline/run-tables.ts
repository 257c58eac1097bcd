import type { CapacityPlan } from '@cdf/capacity';
import { type ScenarioFrame, type SpikeEvent, toIsoUtc } from '@cdf/core';
import { type CsvColumn, formatCsv, formatJson } from '@cdf/data';
import type { Detection } from '@cdf/spikes';

/** One series' part of a run's tables. */
export interface SeriesTables {
  id: string;
  scenarios: ScenarioFrame;
  detection: Detection;
}

/** Header of `scenarios.csv` (a `series_id` column comes first in fleets). */
export const SCENARIO_HEADER = [
  'timestamp',
  'baseline',
  'expected_value',
  'spike_probability',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
  'recommended_capacity',
] as const;

/** Header of `anomalies.csv` (same as `cdf detect`'s; `series_id` first in fleets). */
export const ANOMALY_HEADER = [
  'timestamp',
  'value',
  'expected',
  'score',
  'is_anomaly',
  'spike_type',
  'detectors',
] as const;

/**
 * The scenario rows with `recommended_capacity` filled from the capacity plan's requirements
 * (same order: one requirement per scenario row).
 */
export function withRecommendedCapacity(scenarios: ScenarioFrame, plan: CapacityPlan): ScenarioFrame {
  return scenarios.map((row, i) => ({
    ...row,
    recommended_capacity: plan.requirements[i]!.recommended_capacity,
  }));
}

/** `scenarios.csv`. */
export function scenariosCsv(rows: ScenarioFrame, withIds: boolean): string {
  const columns: CsvColumn[] = [
    rows.map((r) => toIsoUtc(r.timestamp)),
    rows.map((r) => r.baseline),
    rows.map((r) => r.expected_value),
    rows.map((r) => r.spike_probability),
    rows.map((r) => r.p50),
    rows.map((r) => r.p75),
    rows.map((r) => r.p90),
    rows.map((r) => r.p95),
    rows.map((r) => r.p99),
    rows.map((r) => r.recommended_capacity ?? Number.NaN),
  ];
  const header = withIds ? ['series_id', ...SCENARIO_HEADER] : [...SCENARIO_HEADER];
  // Numbers are written exactly (they read back as the same doubles), so `cdf report` rebuilds
  // the same plan and dashboard from the files.
  return formatCsv(header, withIds ? [rows.map((r) => r.series_id ?? ''), ...columns] : columns);
}

/**
 * `anomalies.csv`: the detector's verdict on every history step of every series (`cdf detect`
 * and `cdf forecast` alike). Numbers are exact unless `decimals` rounds them: `forecast` keeps
 * them exact so `cdf report` rebuilds the same plan; `detect` rounds for people.
 */
export function anomaliesCsv(
  tables: readonly Pick<SeriesTables, 'id' | 'detection'>[],
  withIds: boolean,
  options: { decimals?: number } = {},
): string {
  const ids: string[] = [];
  const time: string[] = [];
  const value: number[] = [];
  const expected: number[] = [];
  const score: number[] = [];
  const flag: string[] = [];
  const type: string[] = [];
  const detectors: string[] = [];
  for (const { id, detection: d } of tables) {
    for (let i = 0; i < d.values.length; i++) {
      ids.push(id);
      time.push(toIsoUtc(d.timestamps[i]!));
      value.push(d.values[i]!);
      expected.push(d.expected[i]!);
      score.push(d.scores[i]!);
      flag.push(d.isAnomaly[i] ? 'true' : 'false');
      type.push(d.spikeTypes[i]!);
      detectors.push(d.detectors[i]!);
    }
  }
  const columns: CsvColumn[] = [time, value, expected, score, flag, type, detectors];
  const header = withIds ? ['series_id', ...ANOMALY_HEADER] : [...ANOMALY_HEADER];
  const { decimals } = options;
  const rounding =
    decimals === undefined ? {} : { decimals: { value: decimals, expected: decimals, score: decimals } };
  return formatCsv(header, withIds ? [ids, ...columns] : columns, rounding);
}

/** `spike-events.json`: the typed spike events found in the history, ISO 8601 times. */
export function spikeEventsJson(tables: readonly SeriesTables[], withIds: boolean): string {
  const events = tables.flatMap(({ id, detection }) =>
    detection.events.map((e: SpikeEvent) => ({
      ...(withIds ? { series_id: id } : {}),
      ...e,
      start: toIsoUtc(e.start),
      end: toIsoUtc(e.end),
      peak: toIsoUtc(e.peak),
    })),
  );
  return formatJson(events);
}
