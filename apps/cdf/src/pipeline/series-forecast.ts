import {
  CdfError,
  CdfErrorCode,
  type PlannedEvent,
  type ScenarioFrame,
  type Series,
  toIsoUtc,
} from '@cdf/core';
import type { Detection } from '@cdf/spikes';
import { calendarOf } from './baseline-calendar.ts';
import { detectHistory } from './history-anomalies.ts';
import { normalMaskOf } from './normal-mask.ts';
import type { ResolvedPipeline } from './resolved-pipeline.ts';
import type { SeriesModels } from './series-models.ts';
import type { StageRecord } from './stage-record.ts';
import { timed } from './stage-record.ts';

/** The forecast of one series from its models and its newest history. */
export interface SeriesForecast {
  scenarios: ScenarioFrame;
  /** The detector's verdicts on the history (the rows of anomalies.csv). */
  detection: Detection;
  stages: StageRecord[];
}

/**
 * Forecast `horizon` steps after the last point of `history` with fitted models, without
 * refitting: the baseline predicts from where it was fitted up to the end of the horizon (the
 * steps between are dropped), the spike model reads the newest history and its anomalies, and
 * the quantile stage assembles the scenarios. `history` must continue the fitted series (same
 * step, not ending before it).
 */
export async function forecastSeries(
  pipeline: ResolvedPipeline,
  models: SeriesModels,
  history: Series,
  plannedEvents: readonly PlannedEvent[],
  options: {
    detection?: Detection;
    /** `normalMaskOf(history, detection.isAnomaly)` when the caller has it (the fit's). */
    normalMask?: Uint8Array;
    seriesId?: string;
    onStage?: (stage: string) => void;
  } = {},
): Promise<SeriesForecast> {
  const { horizon } = pipeline.spec;
  const stages: StageRecord[] = [];
  const baseline = models.baseline.fitted;
  const last = history.timestamps[history.timestamps.length - 1]!;
  if (history.stepMs !== baseline.stepMs) {
    throw new CdfError(
      CdfErrorCode.IncompatibleModel,
      `series "${history.id}": the input's step differs from the model's`,
      {
        value: `${history.stepMs} ms`,
        expected: `${baseline.stepMs} ms, the step the model was fitted on`,
      },
    );
  }
  const gap = Math.round((last - baseline.lastTimestamp) / history.stepMs);
  if (gap < 0) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `series "${history.id}": the input ends before the model's history`,
      {
        value: toIsoUtc(last),
        expected: `observations up to ${toIsoUtc(baseline.lastTimestamp)} or later`,
      },
    );
  }

  options.onStage?.('anomalies');
  const detected = await timed(
    () => options.detection ?? detectHistory(pipeline.anomalies, history, plannedEvents),
  );
  const detection = detected.value;
  if (options.detection === undefined) {
    stages.push({
      stage: 'anomalies',
      name: pipeline.anomalies.use,
      use: pipeline.anomalies.use,
      status: 'ran',
      ms: detected.ms,
      notes: [],
    });
  }

  options.onStage?.('baseline forecast');
  const predicted = await timed(() => baseline.predict({ horizon: gap + horizon }));
  const timestamps = predicted.value.timestamps.slice(gap);
  const point = predicted.value.point.slice(gap);
  for (let i = 0; i < horizon; i++) {
    if (timestamps[i] !== last + (i + 1) * history.stepMs) {
      throw new CdfError(
        CdfErrorCode.ModelFailed,
        `series "${history.id}": the baseline forecast is off the series' step`,
        {
          row: i + 1,
          value: toIsoUtc(timestamps[i] ?? Number.NaN),
          expected: toIsoUtc(last + (i + 1) * history.stepMs),
        },
      );
    }
  }
  stages.push({
    stage: 'baseline',
    name: baseline.name,
    use: models.baseline.use,
    status: 'ran',
    ms: predicted.ms,
    notes: gap > 0 ? [`${gap} steps newer than the fitted history: forecast from the fitted origin`] : [],
  });

  options.onStage?.('spikes forecast');
  const spikeModel = 'fitted' in models.spikes ? models.spikes.fitted : undefined;
  const spiked = await timed(() =>
    spikeModel?.predict({
      horizon,
      plannedEvents,
      history: { series: history, anomalies: detection.isAnomaly, spikeTypes: detection.spikeTypes },
    }),
  );
  if (spikeModel)
    stages.push({
      stage: 'spikes',
      name: spikeModel.name,
      use: pipeline.spikes.use,
      status: 'ran',
      ms: spiked.ms,
      notes: [],
    });

  options.onStage?.('scenarios');
  const assembled = await timed(() =>
    models.quantile.fitted.assemble({
      history,
      baseline: point,
      // the regressor reads the history with the points the stage was fitted without filled in
      spikeMask: options.normalMask ?? normalMaskOf(history, detection.isAnomaly),
      ...(spiked.value === undefined ? {} : { spikes: spiked.value }),
      plannedEvents,
      ...calendarOf(baseline),
      ...(options.seriesId === undefined ? {} : { seriesId: options.seriesId }),
    }),
  );
  stages.push({
    stage: 'quantile',
    name: models.quantile.fitted.name,
    use: pipeline.quantile.use,
    status: 'ran',
    ms: assembled.ms,
    notes: [],
  });
  return { scenarios: assembled.value, detection, stages };
}
