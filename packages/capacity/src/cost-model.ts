import {
  CdfErrorCode,
  type CostModel,
  CostModelSchema,
  type GpuProfile,
  type ProcurementOption,
  SchemaError,
  safeValidate,
} from '@cdf/core';
import { z } from 'zod';

/** A cost model as a user writes it: any subset of {@link CostModel}'s fields; unknown keys are refused. */
export type CostModelInput = z.input<typeof CostModelSchema>;

const StrictCostModelSchema = z.strictObject(CostModelSchema.shape);

/**
 * Fill a partial cost model with the seed's defaults (USD, 730 h/month, buffer 1.3, utilization
 * target 0.7, warning 0.85, shortfall $20 per GPU-hour). Throws a CdfError INVALID_CONFIG naming
 * the bad field.
 */
export function resolveCostModel(input: Partial<CostModelInput> = {}): CostModel {
  const result = safeValidate(StrictCostModelSchema, input, {
    what: 'cost model',
    code: CdfErrorCode.InvalidConfig,
  });
  if (!result.success) throw result.error;
  const cost = result.value;
  if (cost.utilization_warning < cost.utilization_target) {
    throw new SchemaError('invalid cost model: utilization_warning must be >= utilization_target', {
      code: CdfErrorCode.InvalidConfig,
      column: 'utilization_warning',
      value: String(cost.utilization_warning),
      expected: `at least utilization_target (${cost.utilization_target})`,
    });
  }
  return cost;
}

/** The three ways of buying GPU-hours, each fully specified. */
export interface ProcurementChannels {
  readonly reserved: ProcurementOption;
  readonly on_demand: ProcurementOption;
  readonly spot: ProcurementOption;
}

/**
 * Default channels relative to the GPU's on-demand price, used where the cost model leaves a
 * channel out. Typical public-cloud terms: a 1-year reservation at 40% off with about six weeks
 * from order to racked capacity; spot at 65% off that is there 70% of the time it is wanted.
 */
export const DEFAULT_PROCUREMENT = {
  reserved: { price_factor: 0.6, lead_time_days: 42, commitment_months: 12, availability: 1 },
  on_demand: { price_factor: 1, lead_time_days: 0, commitment_months: 0, availability: 1 },
  spot: { price_factor: 0.35, lead_time_days: 0, commitment_months: 0, availability: 0.7 },
} as const;

/** The procurement channels of a plan: the cost model's, or the defaults scaled to the GPU's price. */
export function procurementChannels(cost: CostModel, gpu: GpuProfile): ProcurementChannels {
  const channel = (key: keyof typeof DEFAULT_PROCUREMENT): ProcurementOption => {
    const given = cost[key];
    if (given) return given;
    const d = DEFAULT_PROCUREMENT[key];
    return {
      price_per_hour: roundPrice(gpu.price_per_hour * d.price_factor),
      lead_time_days: d.lead_time_days,
      commitment_months: d.commitment_months,
      availability: d.availability,
    };
  };
  return { reserved: channel('reserved'), on_demand: channel('on_demand'), spot: channel('spot') };
}

function roundPrice(x: number): number {
  return Math.round(x * 10000) / 10000;
}
