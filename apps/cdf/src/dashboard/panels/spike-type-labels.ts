import type { SpikeType } from '@cdf/core';

/** How each spike type is named on the dashboard. */
export const SPIKE_TYPE_LABELS: Record<SpikeType, string> = {
  feature_launch: 'Feature launch',
  viral_event: 'Viral event',
  api_abuse: 'API abuse',
  gradual_growth: 'Gradual growth',
};
