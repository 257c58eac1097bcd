import { CdfError, CdfErrorCode, type PlannedEvent, type Series, validate } from '@cdf/core';
import { createAnomalyDetector, DEFAULT_SENSITIVITY, DETECTOR_NAMES, type Detection } from '@cdf/spikes';
import { z } from 'zod';

/** The detectors `anomalies.use` may name: `@cdf/spikes#ensemble` (default) or a single one. */
export const ANOMALY_DETECTORS = ['ensemble', ...DETECTOR_NAMES] as const;

/** Parameters of the history anomaly stage (`anomalies.params`). */
export const AnomalyParamsSchema = z
  .object({
    /** 0..1, higher flags more. Default @cdf/spikes' 0.5. */
    sensitivity: z.number().min(0).max(1).default(DEFAULT_SENSITIVITY),
    /** Detector scoring parameters (`DetectorParamsSchema` of @cdf/spikes). */
    params: z.record(z.string(), z.unknown()).optional(),
    /** Anomalous runs closer than this are one event, e.g. `6h`. */
    mergeGap: z.union([z.string(), z.number()]).optional(),
  })
  .strict();
/** Parsed anomaly stage parameters. */
export type AnomalyParams = z.output<typeof AnomalyParamsSchema>;

/** The anomaly stage, resolved from the config. */
export interface AnomalyStage {
  use: string;
  detector: (typeof ANOMALY_DETECTORS)[number];
  params: AnomalyParams;
}

/** Check `anomalies.use` / `anomalies.params`; throws INVALID_CONFIG or PLUGIN_NOT_FOUND. */
export function resolveAnomalyStage(use: string, params: unknown): AnomalyStage {
  const prefix = '@cdf/spikes#';
  const name = use.startsWith(prefix) ? use.slice(prefix.length) : '';
  const detector = ANOMALY_DETECTORS.find((d) => d === name);
  if (detector === undefined) {
    throw new CdfError(CdfErrorCode.PluginNotFound, 'unknown anomaly detector', {
      column: 'anomalies.use',
      value: use,
      expected: ANOMALY_DETECTORS.map((d) => `"${prefix}${d}"`).join(', '),
    });
  }
  const parsed = validate(AnomalyParamsSchema, params ?? {}, {
    what: 'anomaly parameters',
    code: CdfErrorCode.InvalidConfig,
  });
  return { use, detector, params: parsed };
}

/**
 * Score the history with the robust detector of @cdf/spikes and return its verdicts: the mask
 * the baseline skips and the spike model learns from, and the rows of `anomalies.csv`.
 */
export function detectHistory(
  stage: AnomalyStage,
  series: Series,
  plannedEvents: readonly PlannedEvent[],
): Detection {
  const detector = createAnomalyDetector(stage.detector, {
    plannedEvents,
    ...(stage.params.params === undefined ? {} : { params: stage.params.params }),
    ...(stage.params.mergeGap === undefined ? {} : { mergeGap: stage.params.mergeGap }),
  });
  return detector.preprocess(series).detect(stage.params.sensitivity);
}
