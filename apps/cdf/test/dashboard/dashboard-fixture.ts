/**
 * Dashboard input built from real generated data (see fixtures/dashboard/README.md):
 * `@cdf/data`'s generateSynthetic for two years of hourly history with ground-truth spike
 * events and planned launches; an additive decomposition computed here; a forecast scenario
 * frame from simple rules (illustrative until the forecast pipeline lands); and the requirements
 * and tiers from `@cdf/capacity`'s planCapacity on that frame.
 */
import { planCapacity } from '@cdf/capacity';
import {
  DAY_MS,
  HOUR_MS,
  PlannedEventSchema,
  plannedEventEnd,
  plannedEventsMultiplier,
  type ScenarioRow,
} from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import type { DashboardDataInput } from '../../src/dashboard/dashboard-data.ts';
import { dashboardTiers } from '../../src/dashboard/dashboard-tiers.ts';

/** Options of {@link buildDashboardFixture}. */
export interface DashboardFixtureOptions {
  /** Seed of the synthetic history. Default 7. */
  seed?: number;
  /** First history row. Default 2023-01-02 (a Monday). */
  start?: string;
  /** End of the history (exclusive) and start of the forecast. Default 2025-01-01. */
  end?: string;
  /** Series name (tests put hostile strings here). */
  seriesId?: string;
}

const Z = [0, 0.6745, 1.2816, 1.6449, 2.3263] as const;

/**
 * A centred moving average over `window` steps of the steps `use` keeps (shrinking at the edges;
 * carrying the last value through a window with none kept).
 */
function movingAverage(values: Float64Array, window: number, use: (i: number) => boolean): number[] {
  const half = Math.floor(window / 2);
  const sum = new Float64Array(values.length + 1);
  const count = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const keep = use(i);
    sum[i + 1] = sum[i]! + (keep ? values[i]! : 0);
    count[i + 1] = count[i]! + (keep ? 1 : 0);
  }
  let last = values[0] ?? 0;
  return Array.from(values, (_, i) => {
    const a = Math.max(0, i - half);
    const b = Math.min(values.length, i + half + 1);
    const c = count[b]! - count[a]!;
    if (c > 0) last = (sum[b]! - sum[a]!) / c;
    return last;
  });
}

/** Build the fixture; deterministic for a seed. */
export function buildDashboardFixture(options: DashboardFixtureOptions = {}): DashboardDataInput {
  const seed = options.seed ?? 7;
  const data = generateSynthetic({
    start: options.start ?? '2023-01-02',
    end: options.end ?? '2025-01-01',
    seed,
    // 20 to 100 PFLOPS of demand: a platform that needs tens to hundreds of GPUs.
    baseStart: 20_000,
    baseEnd: 100_000,
  });
  const ts = Array.from(data.timestamps);
  const values = data.columns.compute_tflops!;
  const n = ts.length;
  const end = data.options.end;

  // Decomposition: a weekly moving-average trend, then the mean ratio to it per hour of the day
  // (daily) and per hour of the week beyond the daily shape (weekly), on non-event steps. Demand
  // grows fivefold, so the cycles scale with the trend; the components are written additively.
  // Launches, viral events and abuse bursts are left out of the trend; growth phases stay in it.
  const spiky = (i: number) => data.eventType[i] !== '' && data.eventType[i] !== 'gradual_growth';
  const trend = movingAverage(values, 168, (i) => !spiky(i));
  const hourOfDay = (t: number) => Math.floor(t / HOUR_MS) % 24;
  const hourOfWeek = (t: number) => ((Math.floor((t - 4 * DAY_MS) / HOUR_MS) % 168) + 168) % 168;
  const daySum = new Float64Array(24);
  const dayCount = new Float64Array(24);
  const weekSum = new Float64Array(168);
  const weekCount = new Float64Array(168);
  for (let i = 0; i < n; i++) {
    if (data.eventType[i] !== '' || trend[i]! <= 0) continue;
    const ratio = values[i]! / trend[i]!;
    daySum[hourOfDay(ts[i]!)]! += ratio;
    dayCount[hourOfDay(ts[i]!)]! += 1;
    weekSum[hourOfWeek(ts[i]!)]! += ratio;
    weekCount[hourOfWeek(ts[i]!)]! += 1;
  }
  const dayFactor = Array.from(daySum, (s, k) => (dayCount[k]! > 0 ? s / dayCount[k]! : 1));
  const weekFactor = Array.from(weekSum, (s, k) =>
    weekCount[k]! > 0 ? s / weekCount[k]! / dayFactor[k % 24]! : 1,
  );
  const seasonal = (t: number) => dayFactor[hourOfDay(t)]! * weekFactor[hourOfWeek(t)]!;
  const daily = ts.map((t, i) => trend[i]! * (dayFactor[hourOfDay(t)]! - 1));
  const weekly = ts.map((t, i) => trend[i]! * dayFactor[hourOfDay(t)]! * (weekFactor[hourOfWeek(t)]! - 1));
  const expected = ts.map((t, i) => Math.max(0, trend[i]! * seasonal(t)));

  // Relative noise of calm steps, and the anomaly rate per hour of the week over the last year.
  let sq = 0;
  let calm = 0;
  const rate = new Float64Array(168);
  const rateCount = new Float64Array(168);
  for (let i = 0; i < n; i++) {
    if (i >= n - 365 * 24) {
      rate[hourOfWeek(ts[i]!)]! += data.eventType[i] === '' || data.eventType[i] === 'gradual_growth' ? 0 : 1;
      rateCount[hourOfWeek(ts[i]!)]! += 1;
    }
    if (data.eventType[i] !== '' || expected[i]! <= 0) continue;
    sq += ((values[i]! - expected[i]!) / expected[i]!) ** 2;
    calm += 1;
  }
  const sigma = Math.sqrt(sq / Math.max(1, calm));
  const magnitudes = data.events.filter((e) => e.type !== 'gradual_growth').map((e) => e.magnitude);
  const meanMagnitude = magnitudes.reduce((a, b) => a + b, 0) / Math.max(1, magnitudes.length);

  // Forecast: the last trend level growing at the last 8 weeks' pace, the seasonal profiles,
  // planned launches multiplied in; spike probability from the hour-of-week anomaly rate.
  const planned = data.plannedLaunches.map((l) => PlannedEventSchema.parse(l));
  const future = planned.filter((e) => e.start >= end);
  const next = future[0];
  const horizonDays = next
    ? Math.min(60, Math.max(14, Math.ceil((plannedEventEnd(next) - end) / DAY_MS) + 3))
    : 30;
  const lastTrend = trend[n - 1 - 84]!;
  const growthPerHour = (lastTrend - trend[n - 1 - 84 - 8 * 168]!) / (8 * 168);
  const scenarios: ScenarioRow[] = [];
  for (let h = 0; h < horizonDays * 24; h++) {
    const t = end + h * HOUR_MS;
    const multiplier = plannedEventsMultiplier(future, t);
    const smooth = Math.max(0, (lastTrend + growthPerHour * (h + 84)) * seasonal(t));
    const baseline = smooth * multiplier;
    const launch = multiplier > 1 ? 0.35 : 0;
    const p = Math.min(0.95, rate[hourOfWeek(t)]! / Math.max(1, rateCount[hourOfWeek(t)]!) + launch);
    const expectedValue = baseline * (1 + p * (meanMagnitude - 1) * 0.5);
    const spread = sigma * Math.sqrt(1 + h / 168) + p * 0.15;
    const [q50, q75, q90, q95, q99] = Z.map((z) => expectedValue * Math.exp(z * spread));
    scenarios.push({
      timestamp: t,
      baseline,
      expected_value: expectedValue,
      spike_probability: p,
      p50: q50!,
      p75: q75!,
      p90: q90!,
      p95: q95!,
      p99: q99!,
    });
  }
  const plan = planCapacity(scenarios, { gpu: 'h100', plannedEvents: future });

  return {
    run: {
      title: 'Compute demand and GPU capacity plan',
      series_id: options.seriesId ?? `synthetic-seed-${seed}`,
      generated_at: end,
      target: { name: 'compute_tflops', unit: 'TFLOPS' },
      gpu: { name: plan.gpu.name, tflops: plan.gpu.tflops, price_per_hour: plan.gpu.price_per_hour },
      currency: plan.cost.currency,
      hours_per_month: plan.cost.hours_per_month,
      utilization_target: plan.cost.utilization_target,
      utilization_warning: plan.cost.utilization_warning,
    },
    history: {
      timestamps: ts,
      values: Array.from(values),
      expected,
      is_anomaly: data.eventType.map((type) => type !== ''),
      spike_type: data.eventType.map((type) => (type === '' ? null : type)),
    },
    spike_events: data.events,
    scenarios: scenarios.map((row, i) => ({
      ...row,
      recommended_capacity: plan.requirements[i]!.recommended_capacity,
    })),
    planned_events: planned,
    requirements: plan.requirements,
    tiers: dashboardTiers(plan.tiers),
    decomposition: { trend, daily, weekly },
  };
}
