import { CdfError, CdfErrorCode, type GpuProfile, safeValidate } from '@cdf/core';
import { z } from 'zod';

/** The unit a GPU's throughput is given in when none is configured. */
export const DEFAULT_DEMAND_UNIT = 'TFLOPS';

/**
 * What the forecast's demand is measured in and how much of it one GPU serves at full
 * utilization. Demand in TFLOPS needs nothing (a GPU serves its profile's `tflops`); any other
 * unit (requests per hour, tokens per second, ...) needs `per_gpu`.
 */
export const DemandUnitSchema = z.strictObject({
  /** The unit of the target column, as reports print it. Default `TFLOPS`. */
  unit: z.string().trim().min(1).default(DEFAULT_DEMAND_UNIT),
  /** Demand one GPU serves at 100% utilization, in `unit`. Default: the GPU's `tflops` (unit TFLOPS only). */
  per_gpu: z.number().positive().finite().optional(),
});
/** A demand unit as a config file writes it. */
export type DemandUnitInput = z.input<typeof DemandUnitSchema>;

/** The resolved demand unit: every field known. */
export interface DemandUnit {
  readonly unit: string;
  /** Demand one GPU serves at 100% utilization, in `unit`. */
  readonly per_gpu: number;
  /** True when `per_gpu` is the GPU profile's TFLOPS (demand in TFLOPS, nothing configured). */
  readonly from_gpu_profile: boolean;
}

/**
 * Resolve the demand unit against the GPU profile. Throws a CdfError INVALID_CONFIG for a unit
 * other than TFLOPS without `per_gpu`: sizing requests as if they were TFLOPS gives numbers
 * that look like a plan and mean nothing.
 */
export function resolveDemandUnit(input: unknown, gpu: Pick<GpuProfile, 'tflops'>): DemandUnit {
  const result = safeValidate(DemandUnitSchema, input ?? {}, {
    what: 'capacity demand unit',
    code: CdfErrorCode.InvalidConfig,
  });
  if (!result.success) throw result.error;
  const { unit, per_gpu } = result.value;
  if (per_gpu !== undefined) return { unit, per_gpu, from_gpu_profile: false };
  if (unit.toUpperCase() !== DEFAULT_DEMAND_UNIT) {
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      `demand in "${unit}" needs capacity.params.demand.per_gpu: how many ${unit} one GPU serves at full utilization`,
      {
        column: 'capacity.params.demand.per_gpu',
        value: 'missing',
        expected: `a positive number of ${unit} per GPU`,
      },
    );
  }
  return { unit, per_gpu: gpu.tflops, from_gpu_profile: true };
}
