import { type RequirementFrame, type RiskLevel, RiskLevelSchema } from '@cdf/core';

/** Hours of the horizon at one risk level. */
export interface RiskHours {
  level: RiskLevel;
  hours: number;
  /** Share of the horizon's rows, 0..1. */
  share: number;
}

/** Hours per risk level (rows x step hours), in order low, medium, high, critical; every level listed. */
export function riskHours(requirements: RequirementFrame, stepMs: number): RiskHours[] {
  const n = requirements.length;
  return RiskLevelSchema.options.map((level) => {
    const rows = requirements.filter((r) => r.risk_level === level).length;
    return { level, hours: (rows * stepMs) / 3_600_000, share: n > 0 ? rows / n : 0 };
  });
}

/** The step of a time column: the smallest positive gap (one hour when there is a single row). */
export function stepOf(timestamps: readonly number[]): number {
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < timestamps.length; i++) {
    const gap = timestamps[i]! - timestamps[i - 1]!;
    if (gap > 0 && gap < step) step = gap;
  }
  return Number.isFinite(step) ? step : 3_600_000;
}
