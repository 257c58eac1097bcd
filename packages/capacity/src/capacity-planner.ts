import {
  CdfError,
  CdfErrorCode,
  type Estimator,
  type FitOptions,
  type FittedModel,
  type PlannedEvent,
  type PlannedEventInput,
  RequirementFrameSchema,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  ScalingPolicySchema,
  type ScenarioFrame,
  type StagePlugin,
  safeValidate,
  validate,
} from '@cdf/core';
import { resolveDemandUnit } from './demand-unit.ts';
import { type CapacityPlan, planCapacity } from './plan-capacity.ts';
import { type CapacityParams, parseCapacityParams } from './plan-options.ts';

/** The registry name of the built-in planner (`use: "@cdf/capacity#planner"`). */
export const CAPACITY_PLANNER_NAME = '@cdf/capacity#planner';

/** What the planner "fits" on: the scenario frame, and launches to pre-warm for. */
export interface CapacityInput {
  readonly scenarios: ScenarioFrame;
  readonly plannedEvents?: readonly (PlannedEvent | PlannedEventInput)[];
}

/** A computed plan in the fitted-model shape: it can be saved and loaded like any stage's output. */
export interface FittedCapacityPlan extends FittedModel {
  readonly stage: 'capacity';
  readonly plan: CapacityPlan;
}

/** The capacity stage as an estimator. */
export interface CapacityPlanner extends Estimator<CapacityInput, FittedCapacityPlan> {
  readonly stage: 'capacity';
  readonly params: Readonly<CapacityParams>;
  /** The plan, synchronously (what `fit` resolves to, without the envelope). */
  plan(input: CapacityInput | ScenarioFrame): CapacityPlan;
}

/**
 * Build the capacity stage from config parameters (see `CapacityParamsSchema`); throws a
 * CdfError INVALID_CONFIG on bad parameters, before any data is seen.
 *
 * How it fits the stage contract: the capacity stage learns nothing, so `fit(input)` is the
 * planning itself, a pure function of the scenario frame and the parameters. The "fitted model"
 * it returns is the plan, which `toJSON` saves and `capacityPlugin.load` restores, so a run can
 * record and reload its plan like any other stage's output.
 */
export function createCapacityPlanner(params: unknown = {}): CapacityPlanner {
  const parsed = parseCapacityParams(params);
  // a demand unit without what a GPU serves is a config error: say so before any data is read
  resolveDemandUnit(parsed.demand, { tflops: 1 });
  const plan = (input: CapacityInput | ScenarioFrame): CapacityPlan => {
    const { scenarios, plannedEvents } = Array.isArray(input)
      ? { scenarios: input as ScenarioFrame, plannedEvents: undefined }
      : (input as CapacityInput);
    return planCapacity(scenarios, {
      gpu: parsed.gpu,
      ...(parsed.gpu_overrides ? { gpuOverrides: parsed.gpu_overrides } : {}),
      customGpus: parsed.custom_gpus,
      cost: parsed.cost,
      policy: parsed.policy,
      demand: parsed.demand,
      ...(plannedEvents ? { plannedEvents } : {}),
    });
  };
  return {
    stage: 'capacity',
    name: CAPACITY_PLANNER_NAME,
    params: parsed,
    plan,
    async fit(input: CapacityInput, options: FitOptions = {}): Promise<FittedCapacityPlan> {
      if (options.signal?.aborted) throw new CdfError(CdfErrorCode.Aborted, 'capacity planning was aborted');
      options.onProgress?.({ label: 'capacity: plan', done: 0, total: 1 });
      const result = fittedPlan(plan(input), parsed);
      options.onProgress?.({ label: 'capacity: plan', done: 1, total: 1 });
      return result;
    },
  };
}

function fittedPlan(plan: CapacityPlan, params: CapacityParams): FittedCapacityPlan {
  return {
    stage: 'capacity',
    name: CAPACITY_PLANNER_NAME,
    plan,
    toJSON(): SavedModel {
      return {
        schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
        stage: 'capacity',
        name: CAPACITY_PLANNER_NAME,
        params: params as unknown as Record<string, unknown>,
        state: JSON.parse(JSON.stringify({ plan })),
      };
    },
  };
}

/**
 * The capacity stage as a plug-in: `create` is {@link createCapacityPlanner}; `load` restores a
 * saved plan (checking its envelope, requirement frame and scaling policy), throwing a CdfError
 * INCOMPATIBLE_MODEL for anything else.
 */
export const capacityPlugin: StagePlugin<CapacityPlanner, FittedCapacityPlan> = {
  stage: 'capacity',
  name: CAPACITY_PLANNER_NAME,
  description:
    'GPUs, cost, tiers, procurement mix, auto-scaling policy and recommendations from demand scenarios',
  create: createCapacityPlanner,
  load(saved: SavedModel): FittedCapacityPlan {
    const envelope = validate(SavedModelSchema, saved, {
      what: 'saved capacity plan',
      code: CdfErrorCode.IncompatibleModel,
    });
    if (envelope.stage !== 'capacity' || envelope.name !== CAPACITY_PLANNER_NAME) {
      throw new CdfError(
        CdfErrorCode.IncompatibleModel,
        `not a saved capacity plan: ${envelope.stage} ${envelope.name}`,
      );
    }
    const params = parseCapacityParams(envelope.params);
    const plan = (envelope.state as { plan?: CapacityPlan } | null)?.plan;
    const ok =
      plan !== undefined &&
      safeValidate(RequirementFrameSchema, plan.requirements).success &&
      safeValidate(ScalingPolicySchema, plan.scalingPolicy).success &&
      typeof plan.hpaManifest === 'string';
    if (!ok)
      throw new CdfError(CdfErrorCode.IncompatibleModel, 'the saved capacity plan is incomplete or damaged');
    return fittedPlan(plan, params);
  },
};
