import type { SpikeType } from '@cdf/core';

/**
 * The thresholds of the rule-based spike classifier, as named parameters. Defaults follow the
 * shapes the issue describes (and `@cdf/data`'s synthetic generator draws from): launches 5-7x for
 * days with longer answers, viral events 2-4x for 1-4 days with ordinary requests, abuse 2-5x for
 * hours with a flood of short requests, growth +20-60% over weeks.
 */
export interface SpikeRuleThresholds {
  /** Tokens per request inside the spike over before it, at or below which many-small-requests means abuse. */
  abuseTokenRatio: number;
  /** Tokens per request ratio at or above which the spike is a launch (a new model answers at length). */
  launchTokenRatio: number;
  /** Without token data: spikes at most this long (hours) that start at full height are abuse. */
  abuseMaxHours: number;
  /** Without token data: share of the peak reached on the first anomalous step for an abrupt onset. */
  abruptOnsetShare: number;
  /** Without token data: peaks at least this many times the expectation, lasting `launchMinHours`, are launches. */
  launchMinMagnitude: number;
  /** Without token data: the shortest launch (hours). */
  launchMinHours: number;
  /** Peaks below this multiple of the expectation are gradual growth. */
  growthMaxMagnitude: number;
}

/** Default {@link SpikeRuleThresholds}. */
export const DEFAULT_SPIKE_RULES: Readonly<SpikeRuleThresholds> = {
  abuseTokenRatio: 0.8,
  launchTokenRatio: 1.15,
  abuseMaxHours: 8,
  abruptOnsetShare: 0.6,
  launchMinMagnitude: 4.5,
  launchMinHours: 48,
  growthMaxMagnitude: 1.7,
};

/** What the rules look at: the shape of one spike. */
export interface SpikeShape {
  /** Hours from the first to the last anomalous step, one step included. */
  durationHours: number;
  /** Peak value over its expectation. */
  magnitude: number;
  /** Value over expectation on the first anomalous step, as a share of `magnitude` (1 = starts at full height). */
  onsetShare: number;
  /** Mean tokens per request inside over the median before; undefined without that column. */
  tokenRatio?: number;
  /** Mean requests per step inside over the median before; undefined without that column. */
  requestRatio?: number;
  /** True when the spike overlaps a planned launch. */
  overlapsPlannedEvent: boolean;
}

/**
 * Type a spike from its shape, first rule that applies wins:
 * 1. overlapping a planned event -> `feature_launch`;
 * 2. tokens per request fell (`<= abuseTokenRatio`) -> `api_abuse` (many requests, few tokens);
 * 3. tokens per request rose (`>= launchTokenRatio`) -> `feature_launch`;
 * 4. small peak (`< growthMaxMagnitude`) -> `gradual_growth`;
 * 5. without token data: short and abrupt -> `api_abuse`; high and long -> `feature_launch`;
 * 6. otherwise `viral_event` (more requests of the usual size).
 */
export function classifySpike(
  shape: SpikeShape,
  rules: SpikeRuleThresholds = DEFAULT_SPIKE_RULES,
): SpikeType {
  if (shape.overlapsPlannedEvent) return 'feature_launch';
  const tokens = shape.tokenRatio;
  if (tokens !== undefined && Number.isFinite(tokens)) {
    if (tokens <= rules.abuseTokenRatio) return 'api_abuse';
    if (tokens >= rules.launchTokenRatio) return 'feature_launch';
  }
  if (shape.magnitude < rules.growthMaxMagnitude) return 'gradual_growth';
  if (tokens === undefined || !Number.isFinite(tokens)) {
    if (shape.durationHours <= rules.abuseMaxHours && shape.onsetShare >= rules.abruptOnsetShare) {
      return 'api_abuse';
    }
    if (shape.magnitude >= rules.launchMinMagnitude && shape.durationHours >= rules.launchMinHours) {
      return 'feature_launch';
    }
  }
  return 'viral_event';
}
