import {
  CdfError,
  CdfErrorCode,
  InsufficientHistoryError,
  median,
  type PlannedEvent,
  type Series,
  type SpikeType,
} from '@cdf/core';
import {
  fitIsotonic,
  fitPlatt,
  type GbdtModel,
  type TrainGbdtInput,
  trainGbdt,
  trainManyInParallel,
  trainWorkerAvailable,
} from '@cdf/gbdt';
import { FittedSpikePredictor } from './fitted-spike-predictor.ts';
import { historyTail } from './history-tail.ts';
import { spikeRunContext, spikeRuns } from './ongoing-spike.ts';
import {
  CLASSIFIER_DEFAULTS,
  MAGNITUDE_DEFAULTS,
  resolveSpikePredictorParams,
  type SpikePredictorParamsInput,
  trainingHorizonsOf,
} from './spike-predictor-params.ts';
import { buildSpikeTrainingSet } from './spike-training-set.ts';

/** Fewest training rows (origin x horizon pairs) the classifier is fitted on. */
const MIN_TRAINING_ROWS = 100;

/** Fewer spike rows than this: no magnitude model, the median log ratio instead. */
export const MIN_MAGNITUDE_ROWS = 30;

/** What {@link fitSpikePredictor} needs besides the series. */
export interface FitSpikePredictorOptions extends SpikePredictorParamsInput {
  /** 1 where a point was a spike (detected, or ground truth), aligned with the series. */
  anomalies: Uint8Array;
  /** Planned events, past (they explain launches in the history) and future. */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * The detector's spike type per point ('' outside spikes), as `Detection.spikeTypes`: a spike
   * under way at an origin is expected to last like earlier spikes of its type. Optional.
   */
  spikeTypes?: readonly (SpikeType | '')[];
}

/**
 * Fit the spike predictor: a GBDT classifier of P(spike at t + h) and a GBDT regressor of the
 * spike's log magnitude over the robust baseline, both direct over (origin, horizon) rows from
 * `@cdf/features` (features known at t, calendar and planned events of t + h, h). The classifier
 * is calibrated (isotonic by default) on the latest `holdoutFraction` of origins, which it never
 * trained on. With `parallel` (default) the two models train at once in worker threads.
 */
export async function fitSpikePredictor(
  series: Series,
  options: FitSpikePredictorOptions,
): Promise<FittedSpikePredictor> {
  const { anomalies, plannedEvents = [], spikeTypes, ...rest } = options;
  const params = resolveSpikePredictorParams(rest);
  if (!(anomalies instanceof Uint8Array) || anomalies.length !== series.values.length) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'the anomaly mask does not match the series', {
      column: 'anomalies',
      value: anomalies instanceof Uint8Array ? String(anomalies.length) : typeof anomalies,
      expected: `a Uint8Array of ${series.values.length} values (1 = spike)`,
    });
  }
  if (spikeTypes !== undefined && spikeTypes.length !== series.values.length) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'the spike types do not match the series', {
      column: 'spikeTypes',
      value: String(spikeTypes.length),
      expected: `${series.values.length} entries (a spike type or '' per point)`,
    });
  }
  const horizons = trainingHorizonsOf(params);
  const set = buildSpikeTrainingSet(series, anomalies, plannedEvents, horizons, params);
  const positives = set.fit.label.reduce((a, b) => a + b, 0);
  const holdoutPositives = set.holdout.label.reduce((a, b) => a + b, 0);
  if (set.fit.matrix.rows < MIN_TRAINING_ROWS) {
    throw new InsufficientHistoryError('the spike predictor', MIN_TRAINING_ROWS, set.fit.matrix.rows, {
      unit: 'training rows (origin x horizon pairs)',
      column: 'anomalies',
    });
  }
  if (positives === 0 || holdoutPositives === 0) {
    throw new CdfError(
      CdfErrorCode.InsufficientHistory,
      `the spike predictor needs detected spikes both before and inside its calibration holdout (the latest part of the history); found ${positives} spike rows to fit and ${holdoutPositives} to calibrate`,
      { column: 'anomalies', value: `${positives} / ${holdoutPositives}`, expected: 'at least 1 / 1' },
    );
  }
  const notes: string[] = [
    `classifier: ${set.fit.matrix.rows} rows (${positives} spike) over ${horizons.length} horizons, origins every ${params.originStride} steps`,
  ];

  const classifierJob: TrainGbdtInput = {
    features: set.fit.matrix,
    label: set.fit.label,
    objective: 'binary',
    params: { ...CLASSIFIER_DEFAULTS, ...params.classifier },
    seed: params.seed,
  };
  const withMagnitude = set.magnitude.matrix.rows >= MIN_MAGNITUDE_ROWS;
  const magnitudeJob: TrainGbdtInput = {
    features: set.magnitude.matrix,
    label: set.magnitude.logRatio,
    objective: 'regression',
    params: { ...MAGNITUDE_DEFAULTS, ...params.magnitude },
    seed: params.seed + 1,
  };
  const jobs = withMagnitude ? [classifierJob, magnitudeJob] : [classifierJob];
  let models: GbdtModel[];
  if (params.parallel && jobs.length > 1 && trainWorkerAvailable()) {
    models = await trainManyInParallel(jobs);
    notes.push('classifier and magnitude regressor trained in parallel worker threads');
  } else {
    if (params.parallel && jobs.length > 1)
      notes.push('worker entry of @cdf/gbdt not built: trained in-process');
    models = [];
    for (const job of jobs) models.push(await trainGbdt(job));
  }
  const classifier = models[0]!;
  const magnitude = withMagnitude ? models[1]! : null;
  const fallbackLogRatio = set.magnitude.logRatio.length === 0 ? 0 : median(set.magnitude.logRatio);
  notes.push(
    withMagnitude
      ? `magnitude: log(value / robust baseline) regressed on ${set.magnitude.matrix.rows} spike rows`
      : `magnitude: only ${set.magnitude.matrix.rows} spike rows, constant median ratio ${Math.exp(fallbackLogRatio).toFixed(3)}`,
  );

  const raw = classifier.predict(set.holdout.matrix);
  const calibrator =
    params.calibration === 'isotonic'
      ? fitIsotonic(raw, set.holdout.label)
      : fitPlatt(raw, set.holdout.label);
  notes.push(
    `probabilities calibrated (${params.calibration}) on ${set.holdout.matrix.rows} rows (${holdoutPositives} spike) from origins at or after ${new Date(set.holdoutStart).toISOString()}`,
  );
  return new FittedSpikePredictor({
    params,
    classifier,
    calibrator,
    magnitude,
    fallbackLogRatio,
    tail: historyTail(series, anomalies, spikeTypes),
    plannedEvents: [...plannedEvents],
    spikeRuns: spikeRuns(anomalies, spikeRunContext(series, plannedEvents, spikeTypes)),
    notes,
  });
}
