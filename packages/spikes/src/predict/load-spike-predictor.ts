import {
  CdfErrorCode,
  PlannedEventSchema,
  SavedModelSchema,
  SchemaError,
  SpikeTypeSchema,
  validate,
} from '@cdf/core';
import { loadCalibrator, loadGbdt, SavedCalibratorSchema, SavedGbdtSchema } from '@cdf/gbdt';
import { z } from 'zod';
import { FittedSpikePredictor, SPIKE_PREDICTOR_NAME } from './fitted-spike-predictor.ts';
import { loadHistoryTail } from './history-tail.ts';
import { spikeRunContext, spikeRuns } from './ongoing-spike.ts';
import { SEASON_OF_YEAR_FEATURES } from './spike-model-features.ts';
import { resolveSpikePredictorParams } from './spike-predictor-params.ts';

const StateSchema = z.object({
  classifier: SavedGbdtSchema,
  calibrator: SavedCalibratorSchema,
  magnitude: SavedGbdtSchema.nullable(),
  fallbackLogRatio: z.number().finite(),
  tail: z.object({
    id: z.string(),
    target: z.string(),
    stepMs: z.number().int().positive(),
    timeZone: z.string(),
    start: z.number(),
    columns: z.record(z.string(), z.array(z.number())),
    filled: z.array(z.number().int().min(0).max(1)),
    anomalies: z.array(z.number().int().min(0).max(1)),
    spikeTypes: z.array(z.union([SpikeTypeSchema, z.literal('')])).optional(),
  }),
  plannedEvents: z.array(PlannedEventSchema),
  spikeRuns: z
    .array(z.object({ length: z.number().int().positive(), type: z.union([SpikeTypeSchema, z.literal('')]) }))
    .optional(),
  notes: z.array(z.string()),
});

/**
 * Restore a spike predictor from its `toJSON()` (object or JSON text). It predicts exactly as
 * the saved one. Throws a SchemaError (INCOMPATIBLE_MODEL) for anything else.
 */
export async function loadSpikePredictor(saved: unknown): Promise<FittedSpikePredictor> {
  const value = typeof saved === 'string' ? safeParse(saved) : saved;
  const envelope = validate(SavedModelSchema, value, {
    what: 'saved spike predictor',
    code: CdfErrorCode.IncompatibleModel,
  });
  if (envelope.stage !== 'spikes' || envelope.name !== SPIKE_PREDICTOR_NAME) {
    throw new SchemaError(`saved model "${envelope.name}" is not a spike predictor`, {
      code: CdfErrorCode.IncompatibleModel,
      column: 'name',
      value: envelope.name,
      expected: SPIKE_PREDICTOR_NAME,
    });
  }
  const state = validate(StateSchema, envelope.state, {
    what: 'saved spike predictor state',
    code: CdfErrorCode.IncompatibleModel,
  });
  // saved before plannedDistanceCap existed: its models learnt the distances uncapped; saved
  // before leftOutFeatures: its models left out the month only
  const params = resolveSpikePredictorParams({
    plannedDistanceCap: null,
    leftOutFeatures: [...SEASON_OF_YEAR_FEATURES],
    ...envelope.params,
  });
  const classifier = await loadGbdt(state.classifier);
  const magnitude = state.magnitude ? await loadGbdt(state.magnitude) : null;
  const tail = loadHistoryTail(state.tail);
  return new FittedSpikePredictor({
    params,
    classifier,
    calibrator: loadCalibrator(state.calibrator),
    magnitude,
    fallbackLogRatio: state.fallbackLogRatio,
    tail,
    plannedEvents: state.plannedEvents,
    spikeRuns:
      state.spikeRuns ??
      spikeRuns(tail.anomalies, spikeRunContext(tail.series, state.plannedEvents, tail.spikeTypes)),
    notes: state.notes,
  });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
