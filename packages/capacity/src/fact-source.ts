import type { CostModel, GpuProfile, RequirementFrame, ScalingPolicy } from '@cdf/core';
import type { CostAnalysis } from './cost-analysis.ts';
import type { DemandUnit } from './demand-unit.ts';
import type { PolicyParams } from './plan-options.ts';
import type { ProcurementMix } from './procurement-mix.ts';
import type { Tiers } from './tiers.ts';

/** The horizon as the report cites it. */
export interface HorizonFacts {
  /** First step, epoch ms. */
  readonly start: number;
  /** End of the last step, epoch ms. */
  readonly end: number;
  readonly hours: number;
  readonly step_hours: number;
  /** Forecast rows (steps x series). */
  readonly rows: number;
  readonly series: number;
}

/** The frames a report's numbers come from. */
export interface PlanFrames {
  readonly requirements: RequirementFrame;
  readonly tiers: Tiers;
  readonly costAnalysis: CostAnalysis;
  readonly procurement: ProcurementMix;
  readonly scalingPolicy: ScalingPolicy;
  readonly gpu: GpuProfile;
  /** The demand's unit and what one GPU serves of it. */
  readonly demand: DemandUnit;
  readonly cost: CostModel;
  readonly horizon: HorizonFacts;
  /** The policy parameters used (risk rule, pre-warm, scaling, HPA). */
  readonly policy: PolicyParams;
}

/** A frame a fact can cite, by its name in the JSON report. */
export type FactFrame =
  | 'requirements'
  | 'tiers'
  | 'cost_analysis'
  | 'procurement'
  | 'scaling_policy'
  | 'gpu'
  | 'demand'
  | 'cost_model'
  | 'horizon'
  | 'policy';

/** How a fact reduces the requirement frame's rows to one value. */
export type FactAggregate = 'min' | 'max' | 'mean' | 'sum' | 'count' | 'argmax' | 'first' | 'last';

/**
 * Where a number comes from. For `requirements`, `aggregate` reduces the rows that pass `where`
 * (all rows when absent): `count` counts them, `argmax` gives the timestamp of the first row
 * with the largest `field`, `first`/`last` give `field` of the first/last row. For every other
 * frame, `field` is a dotted path into it (`conservative.monthly_cost`, `prewarm.0.start`).
 */
export interface FactSource {
  readonly frame: FactFrame;
  readonly field: string;
  readonly aggregate?: FactAggregate;
  readonly where?: { readonly field: string; readonly in: readonly (string | number)[] };
}

/** A value as a report cites it. */
export type FactValue = number | string | null;

const FRAME_KEYS = {
  tiers: 'tiers',
  cost_analysis: 'costAnalysis',
  procurement: 'procurement',
  scaling_policy: 'scalingPolicy',
  gpu: 'gpu',
  demand: 'demand',
  cost_model: 'cost',
  horizon: 'horizon',
  policy: 'policy',
} as const satisfies Record<Exclude<FactFrame, 'requirements'>, keyof PlanFrames>;

/**
 * Read the value a {@link FactSource} names from a plan's frames. The report builder computes
 * every number this way, and tests recompute them the same way, so each number in the report
 * can be found again in the frame it cites. Throws a RangeError for a path that does not exist
 * (a bug in a report template, not a user error).
 */
export function resolveFact(frames: PlanFrames, source: FactSource): FactValue {
  if (source.frame !== 'requirements') {
    let node: unknown = frames[FRAME_KEYS[source.frame]];
    for (const part of source.field.split('.')) {
      if (node === null || typeof node !== 'object' || !(part in node)) {
        throw new RangeError(`no field "${source.field}" in ${source.frame}`);
      }
      node = (node as Record<string, unknown>)[part];
    }
    if (node === null || typeof node === 'number' || typeof node === 'string') return node;
    throw new RangeError(`${source.frame}.${source.field} is not a number or text`);
  }
  const where = source.where;
  const rows = where
    ? frames.requirements.filter((r) => where.in.includes(read(r, where.field) as string | number))
    : frames.requirements;
  const aggregate = source.aggregate ?? 'first';
  if (aggregate === 'count') return rows.length;
  if (rows.length === 0) return null;
  const values = rows.map((r) => asFactValue(read(r, source.field)));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  switch (aggregate) {
    case 'first':
      return values[0] ?? null;
    case 'last':
      return values[values.length - 1] ?? null;
    case 'min':
      return numbers.length > 0 ? numbers.reduce((a, b) => Math.min(a, b)) : null;
    case 'max':
      return numbers.length > 0 ? numbers.reduce((a, b) => Math.max(a, b)) : null;
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'mean':
      return numbers.length > 0 ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
    case 'argmax': {
      let best = 0;
      numbers.forEach((v, i) => {
        if (v > (numbers[best] ?? Number.NEGATIVE_INFINITY)) best = i;
      });
      return rows[best]?.timestamp ?? null;
    }
  }
}

function asFactValue(value: unknown): FactValue {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function read(row: object, field: string): unknown {
  if (!(field in row)) throw new RangeError(`no field "${field}" in requirements`);
  return (row as Record<string, unknown>)[field];
}
