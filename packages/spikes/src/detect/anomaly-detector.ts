import {
  CdfError,
  CdfErrorCode,
  type PlannedEvent,
  type Series,
  type SpikeEvent,
  type SpikeType,
} from '@cdf/core';
import { classifySpike, DEFAULT_SPIKE_RULES, type SpikeRuleThresholds } from '../classify/spike-rules.ts';
import { runPeak, spikeShape } from '../classify/spike-shape.ts';
import { anomalyRuns, DEFAULT_MERGE_GAP_MS } from '../events/anomaly-runs.ts';
import { type CoreTrace, traceSeries } from './core-trace.ts';
import type { Detection } from './detection.ts';
import type { DetectorName } from './detector-names.ts';
import { type DetectorParamsInput, durationSteps, resolveDetectorParams } from './detector-params.ts';
import { scoreOfDecades, thresholdOfSensitivity } from './ensemble-score.ts';

/** Sensitivity used when none is given. */
export const DEFAULT_SENSITIVITY = 0.5;

/** Options of a detector beyond its scoring parameters: how verdicts become typed events. */
export interface DetectorOptions {
  /** Scoring parameters (windows, seasonal periods, forest). */
  params?: DetectorParamsInput;
  /** Planned launches; a spike overlapping one is a `feature_launch`. */
  plannedEvents?: readonly PlannedEvent[];
  /** Anomalous runs separated by at most this much quiet time are one event. Default `6h`. */
  mergeGap?: string | number;
  /** History before a spike that gives the usual request/token mix. Default `7d`. */
  context?: string | number;
  /** Classification thresholds, overriding {@link DEFAULT_SPIKE_RULES}. */
  rules?: Partial<SpikeRuleThresholds>;
}

/**
 * A detector after `preprocess`: the expensive pass is done (scores for every point), and
 * {@link PreprocessedSeries.detect} turns them into verdicts at any sensitivity cheaply.
 */
export interface PreprocessedSeries {
  readonly detector: string;
  readonly series: Series;
  /** Robust expected value per point. */
  readonly expected: Float64Array;
  /** Calibrated 0..1 score per point. */
  readonly scores: Float64Array;
  /** The core's per-detector statistics, for inspection. */
  readonly trace: CoreTrace;
  /** Verdicts, events and types at `sensitivity` (0..1, default 0.5). */
  detect(sensitivity?: number): Detection;
}

/** An anomaly detector in the augurs style: `preprocess` once, `detect(sensitivity)` many times. */
export interface AnomalyDetector {
  /** `ensemble` or one of the detector names. */
  readonly name: 'ensemble' | DetectorName;
  preprocess(series: Series): PreprocessedSeries;
}

/**
 * Build a detector. `ensemble` combines robust z, rate of change and isolation forest (or the
 * subset in `params.ensemble`); a single name scores with that detector alone.
 *
 * @example
 * const detector = createAnomalyDetector('ensemble', { plannedEvents });
 * const prepared = detector.preprocess(series);
 * const { events, isAnomaly } = prepared.detect(0.5);
 */
export function createAnomalyDetector(
  name: 'ensemble' | DetectorName = 'ensemble',
  options: DetectorOptions = {},
): AnomalyDetector {
  return {
    name,
    preprocess(series) {
      const baseParams = { ...(options.params ?? {}) } as Record<string, unknown>;
      if (name !== 'ensemble') baseParams.ensemble = [name];
      const params = resolveDetectorParams(baseParams, series.stepMs);
      const trace = traceSeries(series, params);
      const used = params.ensemble;
      return {
        detector: name,
        series,
        expected: trace.expected,
        scores: trace.score,
        trace,
        detect: (sensitivity = DEFAULT_SENSITIVITY) =>
          verdicts(series, trace, used, checkSensitivity(sensitivity), options, params.scoreHalvingDecades),
      };
    },
  };
}

function checkSensitivity(sensitivity: number): number {
  if (!(sensitivity >= 0 && sensitivity <= 1)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'sensitivity must be between 0 and 1', {
      column: 'sensitivity',
      value: String(sensitivity),
      expected: 'a number from 0 (flag nothing unusual) to 1 (flag everything)',
    });
  }
  return sensitivity;
}

function verdicts(
  series: Series,
  trace: CoreTrace,
  used: readonly DetectorName[],
  sensitivity: number,
  options: DetectorOptions,
  halving: number,
): Detection {
  const n = series.values.length;
  const threshold = thresholdOfSensitivity(sensitivity);
  const isAnomaly = new Uint8Array(n);
  const detectors: string[] = new Array(n).fill('');
  const decades: Record<DetectorName, Float64Array> = {
    robust_z: trace.decadesZ,
    rate_of_change: trace.decadesRate,
    isolation_forest: trace.decadesForest,
  };
  const correction = Math.log10(used.length);
  for (let i = 0; i < n; i++) {
    // A zero score (warm-up, filled, missing) is never anomalous, even at sensitivity 1.
    if (trace.score[i]! > 0 && trace.score[i]! >= threshold && series.filled[i] === 0) {
      isAnomaly[i] = 1;
      const fired = used.filter((d) => scoreOfDecades(decades[d][i]! - correction, halving) >= threshold);
      detectors[i] = fired.join('+');
    }
  }
  const events = spikeEvents(series, trace, isAnomaly, options);
  const spikeTypes: (SpikeType | '')[] = new Array(n).fill('');
  for (const { event, start, end } of events) {
    for (let i = start; i <= end; i++) if (isAnomaly[i]) spikeTypes[i] = event.type;
  }
  return {
    sensitivity,
    threshold,
    timestamps: series.timestamps,
    values: series.values,
    expected: trace.expected,
    scores: trace.score,
    isAnomaly,
    detectors,
    spikeTypes,
    events: events.map((e) => e.event),
  };
}

function spikeEvents(
  series: Series,
  trace: CoreTrace,
  isAnomaly: Uint8Array,
  options: DetectorOptions,
): { event: SpikeEvent; start: number; end: number }[] {
  const rules = { ...DEFAULT_SPIKE_RULES, ...(options.rules ?? {}) };
  const gap = durationSteps('mergeGap', options.mergeGap ?? DEFAULT_MERGE_GAP_MS, series.stepMs, 0);
  const contextSteps = durationSteps('context', options.context ?? '7d', series.stepMs);
  const ctx = {
    series,
    expected: trace.expected,
    isAnomaly,
    contextSteps,
    plannedEvents: options.plannedEvents ?? [],
  };
  return anomalyRuns(isAnomaly, gap).map((run) => {
    const peak = runPeak(run, series, trace.expected);
    let score = 0;
    for (let i = run.start; i <= run.end; i++) score = Math.max(score, trace.score[i]!);
    const event: SpikeEvent = {
      ...(series.id === 'default' ? {} : { series_id: series.id }),
      start: series.timestamps[run.start]!,
      end: series.timestamps[run.end]!,
      peak: series.timestamps[peak.index]!,
      peak_value: Math.max(0, series.values[peak.index]!),
      magnitude: peak.ratio > 0 && Number.isFinite(peak.ratio) ? peak.ratio : 1,
      type: classifySpike(spikeShape(run, ctx), rules),
      score,
    };
    return { event, start: run.start, end: run.end };
  });
}
