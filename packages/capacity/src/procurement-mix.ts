import {
  type CostModel,
  DAY_MS,
  type GpuProfile,
  type ProcurementOption,
  type ScenarioRow,
  toIsoUtc,
} from '@cdf/core';
import type { ProcurementChannels } from './cost-model.ts';
import { type DemandDistribution, demandDistribution, expectedShortfall } from './demand-distribution.ts';
import { type Horizon, totalsByTimestamp } from './horizon.ts';

/** A procurement channel as planned: its terms and when capacity ordered at the forecast start is there. */
export interface PlannedChannel extends ProcurementOption {
  /** Forecast start + lead time (ISO 8601): the earliest the channel's GPUs can serve. */
  readonly ready_by: string;
}

/** Money per channel, plus expected shortfall, over some period. */
export interface ChannelCosts {
  readonly reserved: number;
  readonly on_demand: number;
  readonly spot: number;
  /** Expected shortfall GPU-hours x shortfall_cost_per_gpu_hour. */
  readonly shortfall: number;
  readonly total: number;
}

/** GPUs per channel at one timestamp (all series together). */
export interface ProcurementStep {
  readonly timestamp: number;
  readonly reserved_gpus: number;
  readonly on_demand_gpus: number;
  readonly spot_gpus: number;
}

/** The cheapest expected mix of reserved, on-demand and spot GPUs for the forecast (see {@link planProcurement}). */
export interface ProcurementMix {
  readonly shortfall_cost_per_gpu_hour: number;
  readonly channels: {
    readonly reserved: PlannedChannel;
    readonly on_demand: PlannedChannel;
    readonly spot: PlannedChannel;
  };
  /** GPUs to reserve for the whole horizon (summed over series). */
  readonly reserved_gpus: number;
  readonly on_demand_average_gpus: number;
  readonly on_demand_peak_gpus: number;
  readonly spot_average_gpus: number;
  readonly spot_peak_gpus: number;
  /** Expected unserved GPU-hours over the horizon, spot outages included. */
  readonly expected_shortfall_gpu_hours: number;
  readonly horizon_cost: ChannelCosts;
  /** horizon_cost scaled to hours_per_month. */
  readonly monthly_cost: ChannelCosts;
  /** reserved_gpus x reserved price x hours_per_month x commitment_months: what the commitment locks in. */
  readonly reserved_commitment_cost: number;
  /** The recommended tier bought on demand: its horizon cost plus its expected shortfall cost. */
  readonly recommended_on_demand_total_cost: number;
  /** recommended_on_demand_total_cost - horizon_cost.total (positive when the mix is cheaper). */
  readonly savings_vs_recommended_on_demand: number;
  readonly schedule: readonly ProcurementStep[];
}

/**
 * Choose reserved, on-demand and spot GPUs to minimise the expected cost of capacity plus
 * shortfall. All prices are per GPU-hour; `k` = shortfall_cost_per_gpu_hour; spot is there with
 * probability `a` and is paid only while there.
 *
 * The n-th GPU of a row removes `P̄(n) = (E[(D - (n-1) t)+] - E[(D - n t)+]) / t` expected
 * shortfall GPU-hours per hour (the mean chance that demand reaches into its band).
 * - Per row, above the reserved level, the n-th GPU is bought from the channel with the best
 *   positive net value: on-demand `k P̄ - o`, spot `a (k P̄ - s)`; none when both are <= 0.
 * - Reserved GPUs are one level for the whole horizon. The n-th reserved GPU is worth, in a row,
 *   `k P̄ - max(0, k P̄ - o, a (k P̄ - s))`: what it saves over the best alternative there. Reserve
 *   up to the largest n whose mean worth over the horizon's rows is >= the reserved price `r`.
 *   With no spot and `o >= k` this is the newsvendor rule: reserve up to the quantile of the
 *   horizon's demand mixture where `P(D > x) = r / k` (the critical ratio `1 - r / k`).
 *
 * The horizon stands in for the period the reservation serves; `ready_by` says when reserved
 * GPUs ordered now arrive (until then, cover the reserved layer on demand). A fleet (several
 * series) is planned series by series and summed.
 */
export function planProcurement(
  scenarios: readonly ScenarioRow[],
  horizon: Horizon,
  gpu: Pick<GpuProfile, 'tflops'>,
  channels: ProcurementChannels,
  cost: Pick<CostModel, 'shortfall_cost_per_gpu_hour' | 'hours_per_month'>,
  recommendedOnDemandTotalCost: number,
): ProcurementMix {
  const k = cost.shortfall_cost_per_gpu_hour;
  const t = gpu.tflops;
  const o = channels.on_demand.price_per_hour;
  const r = channels.reserved.price_per_hour;
  const s = channels.spot.price_per_hour;
  const a = channels.spot.availability;
  const w = horizon.stepHours;
  const distributions = scenarios.map((row) => demandDistribution(row));

  const reservedOf = new Array<number>(scenarios.length).fill(0);
  const onDemandOf = new Array<number>(scenarios.length).fill(0);
  const spotOf = new Array<number>(scenarios.length).fill(0);
  let reservedTotal = 0;
  let shortfall = 0;
  let onDemandGpuHours = 0;
  let spotGpuHours = 0;

  for (const rowsOfSeries of groupBySeries(scenarios)) {
    const ds = rowsOfSeries.map((i) => distributions[i]!);
    const reservedWorth = (n: number): number => {
      let sum = 0;
      for (const d of ds) {
        const kp = k * bandChance(d, n, t);
        sum += kp - Math.max(0, kp - o, a * (kp - s));
      }
      return sum / ds.length;
    };
    const reserved = largestLevel((n) => {
      const worth = reservedWorth(n);
      return worth >= r && worth > 0;
    });
    reservedTotal += reserved;
    for (const i of rowsOfSeries) {
      const d = distributions[i]!;
      let n = reserved;
      let onDemand = 0;
      let spot = 0;
      for (;;) {
        const kp = k * bandChance(d, n + 1, t);
        const vOnDemand = kp - o;
        const vSpot = a * (kp - s);
        if (vOnDemand > 0 && vOnDemand >= vSpot) onDemand++;
        else if (vSpot > 0) spot++;
        else break;
        n++;
      }
      reservedOf[i] = reserved;
      onDemandOf[i] = onDemand;
      spotOf[i] = spot;
      const firm = (reserved + onDemand) * t;
      const withSpot = (reserved + onDemand + spot) * t;
      shortfall += ((a * expectedShortfall(d, withSpot) + (1 - a) * expectedShortfall(d, firm)) / t) * w;
      onDemandGpuHours += onDemand * w;
      spotGpuHours += spot * w;
    }
  }

  const horizonCost = channelCosts(
    reservedTotal * r * horizon.hours,
    onDemandGpuHours * o,
    spotGpuHours * a * s,
    shortfall * k,
  );
  const scale = horizon.hours > 0 ? cost.hours_per_month / horizon.hours : 0;
  const onDemandTotals = totalsByTimestamp(horizon, scenarios, (i) => onDemandOf[i] ?? 0);
  const spotTotals = totalsByTimestamp(horizon, scenarios, (i) => spotOf[i] ?? 0);
  const reservedTotals = totalsByTimestamp(horizon, scenarios, (i) => reservedOf[i] ?? 0);
  const planned = (option: ProcurementOption): PlannedChannel => ({
    ...option,
    ready_by: toIsoUtc(horizon.start + option.lead_time_days * DAY_MS),
  });
  return {
    shortfall_cost_per_gpu_hour: k,
    channels: {
      reserved: planned(channels.reserved),
      on_demand: planned(channels.on_demand),
      spot: planned(channels.spot),
    },
    reserved_gpus: reservedTotal,
    on_demand_average_gpus: mean(onDemandTotals),
    on_demand_peak_gpus: onDemandTotals.reduce((a, b) => Math.max(a, b), 0),
    spot_average_gpus: mean(spotTotals),
    spot_peak_gpus: spotTotals.reduce((a, b) => Math.max(a, b), 0),
    expected_shortfall_gpu_hours: shortfall,
    horizon_cost: horizonCost,
    monthly_cost: channelCosts(
      horizonCost.reserved * scale,
      horizonCost.on_demand * scale,
      horizonCost.spot * scale,
      horizonCost.shortfall * scale,
    ),
    reserved_commitment_cost: reservedTotal * r * cost.hours_per_month * channels.reserved.commitment_months,
    recommended_on_demand_total_cost: recommendedOnDemandTotalCost,
    savings_vs_recommended_on_demand: recommendedOnDemandTotalCost - horizonCost.total,
    schedule: horizon.timestamps.map((timestamp, j) => ({
      timestamp,
      reserved_gpus: reservedTotals[j] ?? 0,
      on_demand_gpus: onDemandTotals[j] ?? 0,
      spot_gpus: spotTotals[j] ?? 0,
    })),
  };
}

/** The mean chance that demand reaches into the n-th GPU's band ((n-1) t, n t]. */
export function bandChance(d: DemandDistribution, n: number, tflops: number): number {
  return Math.max(0, (expectedShortfall(d, (n - 1) * tflops) - expectedShortfall(d, n * tflops)) / tflops);
}

/** The largest n >= 0 with `holds(n)` for a predicate that holds up to some n and not after. */
function largestLevel(holds: (n: number) => boolean): number {
  if (!holds(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (holds(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 31) return lo;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function groupBySeries(rows: readonly ScenarioRow[]): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const id = row.series_id ?? '';
    const group = groups.get(id);
    if (group) group.push(i);
    else groups.set(id, [i]);
  });
  return [...groups.values()];
}

function channelCosts(reserved: number, onDemand: number, spot: number, shortfall: number): ChannelCosts {
  return { reserved, on_demand: onDemand, spot, shortfall, total: reserved + onDemand + spot + shortfall };
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((x, y) => x + y, 0) / values.length : 0;
}
