import { toIsoUtc } from '@cdf/core';
import type { FactUnit } from './fact-format.ts';
import { type FactSource, type FactValue, type PlanFrames, resolveFact } from './fact-source.ts';

/**
 * One number (or date, or name) of the report, with the frame and field it comes from. Times
 * (`unit: 'timestamp'`) are ISO 8601 text; the frame holds the same instant as epoch ms.
 */
export interface Fact {
  readonly value: FactValue;
  readonly unit: FactUnit;
  readonly source: FactSource;
}

/** A sentence of the report. `text` cites facts as `{key}`; `facts` lists the keys it cites. */
export interface RecommendationItem {
  readonly text: string;
  readonly facts: readonly string[];
}

/** A titled group of sentences. */
export interface RecommendationSection {
  readonly id: 'capacity_planning' | 'cost_analysis' | 'scaling_strategy';
  readonly title: string;
  readonly items: readonly RecommendationItem[];
}

/** One row of the tier table: the fact keys of each column. */
export interface TierTableRow {
  readonly tier: string;
  readonly sizing: string;
  readonly facts: {
    readonly average_gpus: string;
    readonly peak_gpus: string;
    readonly average_cost_per_hour: string;
    readonly monthly_cost: string;
    readonly premium_over_baseline_monthly: string;
    readonly expected_shortfall_gpu_hours: string;
  };
}

/**
 * The seed's strategic report as data: capacity planning, cost analysis, scaling strategy and
 * immediate / short-term / long-term actions. Every number lives in `facts` with its source;
 * the Markdown is rendered from this object alone (`renderRecommendationsMarkdown`).
 */
export interface RecommendationsReport {
  readonly schema_version: 1;
  readonly title: string;
  readonly currency: string;
  readonly summary: readonly RecommendationItem[];
  readonly sections: readonly RecommendationSection[];
  readonly tier_table: readonly TierTableRow[];
  readonly actions: {
    readonly immediate: readonly RecommendationItem[];
    readonly short_term: readonly RecommendationItem[];
    readonly long_term: readonly RecommendationItem[];
  };
  readonly facts: Readonly<Record<string, Fact>>;
}

/** How many pre-warm windows the report spells out (all are in the scaling policy). */
const PREWARM_LISTED = 5;

/** Build the report from a plan's frames. Sentences are chosen by the numbers; the numbers are cited, never typed in. */
export function buildRecommendations(frames: PlanFrames): RecommendationsReport {
  const facts: Record<string, Fact> = {};
  const fact = (key: string, unit: FactUnit, source: FactSource): FactValue => {
    const resolved = resolveFact(frames, source);
    // times leave cdf as ISO 8601 with Z; the frames hold epoch ms
    const value = unit === 'timestamp' && typeof resolved === 'number' ? toIsoUtc(resolved) : resolved;
    facts[key] = { value, unit, source };
    return value;
  };
  const item = (text: string): RecommendationItem => {
    const keys = [...text.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1] ?? '');
    for (const key of keys)
      if (!(key in facts)) throw new RangeError(`report text cites unknown fact "${key}"`);
    return { text, facts: [...new Set(keys)] };
  };
  const t = (tier: string, field: string): FactSource => ({ frame: 'tiers', field: `${tier}.${field}` });
  const ca = (field: string): FactSource => ({ frame: 'cost_analysis', field });
  const pm = (field: string): FactSource => ({ frame: 'procurement', field });
  const sp = (field: string): FactSource => ({ frame: 'scaling_policy', field });
  const risky = { field: 'risk_level', in: ['high', 'critical'] } as const;

  fact('gpu_name', 'text', { frame: 'gpu', field: 'name' });
  fact('gpu_tflops', 'tflops', { frame: 'gpu', field: 'tflops' });
  fact('gpu_price', 'money', { frame: 'gpu', field: 'price_per_hour' });
  if (!frames.demand.from_gpu_profile) {
    // only a configured unit is worth citing: by default demand is the GPU profile's TFLOPS
    fact('demand_unit', 'text', { frame: 'demand', field: 'unit' });
    fact('demand_per_gpu', 'count', { frame: 'demand', field: 'per_gpu' });
  }
  fact('horizon_start', 'timestamp', { frame: 'horizon', field: 'start' });
  fact('horizon_end', 'timestamp', { frame: 'horizon', field: 'end' });
  fact('horizon_hours', 'hours', { frame: 'horizon', field: 'hours' });
  fact('rows', 'count', { frame: 'horizon', field: 'rows' });
  fact('capacity_buffer', 'factor', { frame: 'cost_model', field: 'capacity_buffer' });
  fact('utilization_target', 'fraction', { frame: 'cost_model', field: 'utilization_target' });
  fact('utilization_warning', 'fraction', { frame: 'cost_model', field: 'utilization_warning' });
  fact('risk_high_exceedance', 'probability', { frame: 'policy', field: 'risk.high_exceedance' });
  fact('shortfall_cost', 'money', { frame: 'cost_model', field: 'shortfall_cost_per_gpu_hour' });

  const tierNames = ['baseline', 'expected', 'conservative', 'emergency'] as const;
  for (const name of tierNames) {
    fact(`${name}_average_gpus`, 'gpus', t(name, 'average_gpus'));
    fact(`${name}_peak_gpus`, 'gpus', t(name, 'peak_gpus'));
    fact(`${name}_cost_per_hour`, 'money', t(name, 'average_cost_per_hour'));
    fact(`${name}_monthly_cost`, 'money', t(name, 'monthly_cost'));
    fact(`${name}_premium_monthly`, 'money', t(name, 'premium_over_baseline_monthly'));
    fact(`${name}_shortfall_gpu_hours`, 'gpu_hours', {
      frame: 'cost_analysis',
      field: `tiers.${name}.expected_shortfall_gpu_hours`,
    });
  }
  fact('recommended_peak_time', 'timestamp', {
    frame: 'requirements',
    field: 'recommended_gpus',
    aggregate: 'argmax',
  });
  fact('recommended_monthly_cost_at_peak', 'money', t('conservative', 'monthly_cost_at_peak'));
  const riskyRows = fact('risky_rows', 'count', {
    frame: 'requirements',
    field: 'risk_level',
    aggregate: 'count',
    where: risky,
  });
  fact('critical_rows', 'count', {
    frame: 'requirements',
    field: 'risk_level',
    aggregate: 'count',
    where: { field: 'risk_level', in: ['critical'] },
  });
  fact('first_risky_time', 'timestamp', {
    frame: 'requirements',
    field: 'timestamp',
    aggregate: 'first',
    where: risky,
  });
  fact('max_expected_utilization', 'fraction', {
    frame: 'requirements',
    field: 'expected_utilization',
    aggregate: 'max',
  });
  const warningRows = fact('utilization_warning_rows', 'count', ca('utilization_warning_rows'));
  fact('first_recommended_gpus', 'gpus', {
    frame: 'requirements',
    field: 'recommended_gpus',
    aggregate: 'first',
  });
  fact('first_recommended_cost', 'money', {
    frame: 'requirements',
    field: 'recommended_cost_per_hour',
    aggregate: 'first',
  });

  fact('monthly_baseline_cost', 'money', ca('monthly_baseline_cost'));
  fact('monthly_recommended_cost', 'money', ca('monthly_recommended_cost'));
  fact('monthly_premium', 'money', ca('monthly_spike_protection_premium'));
  fact('premium_pct', 'percent', ca('spike_protection_premium_pct'));
  const avoided = fact('avoided_shortfall_gpu_hours', 'gpu_hours', ca('avoided_shortfall_gpu_hours'));
  const perAvoided = fact('cost_per_avoided', 'money', ca('recommended_cost_per_avoided_shortfall_gpu_hour'));
  fact('recommended_idle_gpu_hours', 'gpu_hours', ca('tiers.conservative.expected_idle_gpu_hours'));
  fact('recommended_hours_short', 'hours', ca('tiers.conservative.expected_hours_short'));
  fact('baseline_hours_short', 'hours', ca('tiers.baseline.expected_hours_short'));

  const reserved = fact('reserved_gpus', 'gpus', pm('reserved_gpus'));
  fact('reserved_price', 'money', pm('channels.reserved.price_per_hour'));
  fact('reserved_lead_days', 'days', pm('channels.reserved.lead_time_days'));
  fact('reserved_ready_by', 'text', pm('channels.reserved.ready_by'));
  fact('reserved_commitment_months', 'count', pm('channels.reserved.commitment_months'));
  fact('reserved_commitment_cost', 'money', pm('reserved_commitment_cost'));
  fact('on_demand_price', 'money', pm('channels.on_demand.price_per_hour'));
  fact('on_demand_average_gpus', 'gpus', pm('on_demand_average_gpus'));
  fact('on_demand_peak_gpus', 'gpus', pm('on_demand_peak_gpus'));
  const spotPeak = fact('spot_peak_gpus', 'gpus', pm('spot_peak_gpus'));
  fact('spot_average_gpus', 'gpus', pm('spot_average_gpus'));
  fact('spot_price', 'money', pm('channels.spot.price_per_hour'));
  fact('spot_availability', 'probability', pm('channels.spot.availability'));
  fact('mix_horizon_total', 'money', pm('horizon_cost.total'));
  fact('mix_monthly_total', 'money', pm('monthly_cost.total'));
  fact('mix_shortfall_gpu_hours', 'gpu_hours', pm('expected_shortfall_gpu_hours'));
  fact('recommended_on_demand_total', 'money', pm('recommended_on_demand_total_cost'));
  const savings = fact('mix_savings', 'money', pm('savings_vs_recommended_on_demand'));

  fact('min_gpus', 'gpus', sp('min_gpus'));
  fact('max_gpus', 'gpus', sp('max_gpus'));
  fact('target_utilization', 'fraction', sp('target_utilization'));
  fact('scale_up_threshold', 'fraction', sp('scale_up_threshold'));
  fact('scale_down_threshold', 'fraction', sp('scale_down_threshold'));
  fact('scale_up_cooldown', 'seconds', sp('scale_up_cooldown_seconds'));
  fact('scale_down_cooldown', 'seconds', sp('scale_down_cooldown_seconds'));
  fact('max_scale_factor', 'factor', sp('max_scale_factor'));
  fact('prewarm_count', 'count', sp('prewarm.length'));
  const windows = frames.scalingPolicy.prewarm;
  const listed = Math.min(PREWARM_LISTED, windows.length);
  for (let i = 0; i < listed; i++) {
    fact(`prewarm_${i + 1}_start`, 'timestamp', sp(`prewarm.${i}.start`));
    fact(`prewarm_${i + 1}_end`, 'timestamp', sp(`prewarm.${i}.end`));
    fact(`prewarm_${i + 1}_gpus`, 'gpus', sp(`prewarm.${i}.gpus`));
    fact(`prewarm_${i + 1}_reason`, 'text', sp(`prewarm.${i}.reason`));
  }

  const summary = [
    item(
      'Plan on {conservative_average_gpus} {gpu_name} GPUs on average (peak {conservative_peak_gpus}) for {monthly_recommended_cost} a month; the smooth baseline alone would need {baseline_average_gpus} GPUs for {monthly_baseline_cost}.',
    ),
  ];

  const capacity: RecommendationItem[] = [
    frames.demand.from_gpu_profile
      ? item(
          'The forecast covers {horizon_hours} hours, from {horizon_start} to {horizon_end}. Each GPU is counted at {gpu_tflops} TFLOPS (dense BF16) and {gpu_price} per GPU-hour.',
        )
      : item(
          'The forecast covers {horizon_hours} hours, from {horizon_start} to {horizon_end}, with demand in {demand_unit}. Each {gpu_name} GPU is counted as serving {demand_per_gpu} {demand_unit} at full utilization (capacity.params.demand) and {gpu_price} per GPU-hour.',
        ),
    item(
      'Recommended tier: enough GPUs for the larger of the 95th-percentile demand and the expected demand, plus a {capacity_buffer} buffer. That is {conservative_average_gpus} GPUs on average and {conservative_peak_gpus} at the peak (first reached at {recommended_peak_time}).',
    ),
    item(
      'Baseline tier: the smooth demand without spikes, run at {utilization_target} utilization, needs {baseline_average_gpus} GPUs on average. Burst-ready tier (99th percentile with the buffer): up to {emergency_peak_gpus} GPUs.',
    ),
  ];
  capacity.push(
    riskyRows === 0
      ? item(
          'No forecast step is high or critical risk: demand has less than a {risk_high_exceedance} chance of exceeding the recommended GPUs in every step, and expected utilization peaks at {max_expected_utilization}.',
        )
      : item(
          '{risky_rows} of {rows} forecast steps are high or critical risk ({critical_rows} critical), the first at {first_risky_time}: in these steps demand has at least a {risk_high_exceedance} chance of exceeding the recommended GPUs, or expected utilization is above {utilization_warning}.',
        ),
  );
  if (typeof warningRows === 'number' && warningRows > 0) {
    capacity.push(
      item(
        'In {utilization_warning_rows} steps the expected utilization of the recommended tier is above the {utilization_warning} warning (highest {max_expected_utilization}): little room is left for error there.',
      ),
    );
  }

  const costs: RecommendationItem[] = [
    item(
      'Following the baseline tier hour by hour costs {monthly_baseline_cost} a month; the recommended tier costs {monthly_recommended_cost}. The difference, {monthly_premium} a month ({premium_pct} more), is the premium for spike protection.',
    ),
  ];
  costs.push(
    typeof avoided === 'number' && avoided > 0 && perAvoided !== null
      ? item(
          'Under the forecast, the baseline tier would leave {baseline_shortfall_gpu_hours} GPU-hours of demand unserved over the horizon (about {baseline_hours_short} hours with some shortfall); the recommended tier leaves {conservative_shortfall_gpu_hours} ({recommended_hours_short} hours). Each GPU-hour of shortfall avoided costs {cost_per_avoided}, against the {shortfall_cost} a GPU-hour of shortfall is assumed to cost.',
        )
      : item(
          'Under the forecast, the recommended tier avoids no shortfall compared with the baseline tier ({baseline_shortfall_gpu_hours} GPU-hours unserved either way).',
        ),
  );
  costs.push(
    item(
      'The headroom has a price: the recommended tier is expected to leave {recommended_idle_gpu_hours} GPU-hours idle over the horizon. Holding its peak all month instead of scaling would cost {recommended_monthly_cost_at_peak}.',
    ),
  );
  costs.push(
    item(
      'Cheapest expected way to buy it: reserve {reserved_gpus} GPUs at {reserved_price} per GPU-hour, add {on_demand_average_gpus} on-demand GPUs on average (peak {on_demand_peak_gpus}) at {on_demand_price}, and up to {spot_peak_gpus} spot GPUs ({spot_average_gpus} on average) at {spot_price}, which are there {spot_availability} of the time.',
    ),
  );
  costs.push(
    typeof savings === 'number' && savings > 0
      ? item(
          'Over the horizon this mix is expected to cost {mix_horizon_total} including {mix_shortfall_gpu_hours} GPU-hours of expected shortfall, against {recommended_on_demand_total} for the recommended tier bought on demand (which leaves {conservative_shortfall_gpu_hours} GPU-hours short): {mix_savings} less. It buys less headroom and accepts more shortfall where the shortfall costs less than the GPUs.',
        )
      : item(
          'Over the horizon this mix is expected to cost {mix_horizon_total} including {mix_shortfall_gpu_hours} GPU-hours of expected shortfall, against {recommended_on_demand_total} for the recommended tier bought on demand (which leaves {conservative_shortfall_gpu_hours} GPU-hours short).',
        ),
  );

  const scaling: RecommendationItem[] = [
    item(
      'Autoscale between {min_gpus} and {max_gpus} GPUs, aiming at {target_utilization} utilization. Scale up when utilization stays above {scale_up_threshold} (at most {max_scale_factor} the current size at a time, {scale_up_cooldown} s apart); scale down when it stays below {scale_down_threshold} for {scale_down_cooldown} s.',
    ),
  ];
  for (let i = 1; i <= listed; i++) {
    scaling.push(
      item(
        `Pre-warm {prewarm_${i}_gpus} GPUs from {prewarm_${i}_start} to {prewarm_${i}_end}: {prewarm_${i}_reason}.`,
      ),
    );
  }
  if (windows.length > listed) {
    scaling.push(
      item('All {prewarm_count} pre-warm windows are in the scaling policy (scaling-policy.json).'),
    );
  }

  const immediate = [
    item(
      'Provision {first_recommended_gpus} GPUs for the first forecast hour ({first_recommended_cost} per hour) and apply the autoscaler (hpa.yaml) with its {min_gpus}..{max_gpus} GPU range.',
    ),
  ];
  if (typeof riskyRows === 'number' && riskyRows > 0) {
    immediate.push(
      item(
        'Page the on-call SRE before {first_risky_time}, the first high-risk step, and check that {emergency_peak_gpus} GPUs can be reached (quota, spot pools).',
      ),
    );
  }
  if (listed > 0) {
    immediate.push(item('Schedule the first pre-warm: {prewarm_1_gpus} GPUs from {prewarm_1_start}.'));
  }
  const shortTerm = [
    item(
      'Move the steady part of the load to reserved or committed capacity: the forecast supports {reserved_gpus} reserved GPUs, which with on-demand and spot on top cost {mix_monthly_total} a month including expected shortfall.',
    ),
    item(
      'Watch the expected utilization of the recommended tier against the {utilization_warning} warning and re-run the plan as the forecast is refreshed; keep the spike-protection premium ({monthly_premium} a month) under review with finance.',
    ),
  ];
  if (typeof spotPeak === 'number' && spotPeak > 0) {
    shortTerm.push(
      item(
        'Set up a spot pool for bursts of up to {spot_peak_gpus} GPUs, with on-demand as the fallback when spot is not available.',
      ),
    );
  }
  const longTerm = [
    typeof reserved === 'number' && reserved > 0
      ? item(
          'GPU procurement takes weeks: reserved GPUs ordered at the forecast start arrive about {reserved_lead_days} days later ({reserved_ready_by}). Order the {reserved_gpus}-GPU reserved base now if the forecast holds; a {reserved_commitment_months}-month commitment locks in {reserved_commitment_cost}. Until it arrives, cover that base on demand.',
        )
      : item(
          'GPU procurement takes weeks (about {reserved_lead_days} days for reserved capacity): the forecast does not yet justify a reservation, so re-check it before the next procurement cycle.',
        ),
    item(
      'Plan data-centre or cloud quota for the burst-ready peak of {emergency_peak_gpus} GPUs, and compare GPU generations: the plan changes with the GPU profile ({gpu_tflops} TFLOPS at {gpu_price} per GPU-hour today).',
    ),
  ];

  const tierLabels = {
    baseline: 'Baseline',
    expected: 'Expected',
    conservative: 'Conservative (P95, recommended)',
    emergency: 'Emergency (P99, burst-ready)',
  } as const;
  const tierTable: TierTableRow[] = tierNames.map((name) => ({
    tier: tierLabels[name],
    sizing: frames.tiers[name].sizing,
    facts: {
      average_gpus: `${name}_average_gpus`,
      peak_gpus: `${name}_peak_gpus`,
      average_cost_per_hour: `${name}_cost_per_hour`,
      monthly_cost: `${name}_monthly_cost`,
      premium_over_baseline_monthly: `${name}_premium_monthly`,
      expected_shortfall_gpu_hours: `${name}_shortfall_gpu_hours`,
    },
  }));

  return {
    schema_version: 1,
    title: 'GPU capacity plan and recommendations',
    currency: frames.cost.currency,
    summary,
    sections: [
      { id: 'capacity_planning', title: 'Capacity planning', items: capacity },
      { id: 'cost_analysis', title: 'Cost analysis', items: costs },
      { id: 'scaling_strategy', title: 'Scaling strategy', items: scaling },
    ],
    tier_table: tierTable,
    actions: { immediate, short_term: shortTerm, long_term: longTerm },
    facts,
  };
}
