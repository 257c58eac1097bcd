#!/usr/bin/env node
// Baseline accuracy on ordinary hours of synthetic demand (@cdf/data generateSynthetic, two
// years hourly, seed 7): rolling-origin backtest, horizon 168 h, 8 origins a week apart, MAPE
// scored only on hours outside the ground-truth events (event_type empty). Two windows: two
// calendar years (the last 8 weeks hold Thanksgiving, Christmas, New Year's Eve and the
// quarter-end lift) and July to June (the last 8 weeks hold a quarter end, no holiday).
// Fits are robust: the hours of transient ground-truth events (launch, viral, abuse) are masked;
// gradual growth is not (its level persists). `--mask all` masks every event instead, and
// `--mask-holidays` also masks the generator's holidays (known calendar days).
// MAPE is reported as the mean over origins and pooled over all scored hours; "w/o hol." pools
// the hours outside holidays and the last 5 days of quarters (diagnosis, not the target).
// Models: ensemble (the default baseline), ensemble-no-calendar (without its learned holiday and
// quarter-end effects), mstl, prophet, seasonal-naive-week.
// Build first: pnpm exec turbo run build --filter=@cdf/eval...
//   node packages/eval/scripts/synthetic-backtest.mjs [--seed 7] [--models ensemble,mstl,...] [--mask all] [--mask-holidays]
import { ensembleBaseline, mstlBaseline, prophetBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { backtest, baselineForecaster } from '../dist/index.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SEED = Number(flag('--seed', '7'));
const MASK_ALL = flag('--mask', 'transient') === 'all';
const MASK_HOLIDAYS = args.includes('--mask-holidays');
const PLUGINS = {
  ensemble: [ensembleBaseline, {}],
  'ensemble-no-calendar': [ensembleBaseline, { calendar: null }],
  mstl: [mstlBaseline, {}],
  prophet: [prophetBaseline, {}],
  'seasonal-naive-week': [seasonalNaiveBaseline, { season: 'week' }],
};
const models = flag('--models', 'ensemble,mstl,seasonal-naive-week').split(',');
const WINDOWS = [
  ['2023-01-02', '2025-01-01'],
  ['2022-07-04', '2024-07-01'],
];

/** The generator's fixed-date holidays and Thanksgiving (Good Friday falls outside both windows' test weeks). */
function isHoliday(date) {
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const thanksgiving = m === 11 && date.getUTCDay() === 4 && d >= 22 && d <= 28;
  return (
    (m === 1 && d === 1) ||
    (m === 7 && d === 4) ||
    thanksgiving ||
    (m === 12 && (d === 24 || d === 25 || d === 31))
  );
}

/** The last 5 days of a quarter, when the generator lifts demand by up to 12%. */
function isQuarterEnd(date) {
  const m = date.getUTCMonth() + 1;
  if (m % 3 !== 0) return false;
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), m, 0)).getUTCDate();
  return date.getUTCDate() > daysInMonth - 5;
}

/** MAPE pooled over every scored hour: per-origin MAPE weighted by its scored hours. */
function pooled(result) {
  let sum = 0;
  let count = 0;
  for (const o of result.perOrigin) {
    if (o.scored === 0) continue;
    sum += o.metrics.mape * o.scored;
    count += o.scored;
  }
  return sum / count;
}

console.log(
  `synthetic demand, seed ${SEED}; horizon 168, 8 origins 168 h apart; MAPE % on hours without events; fit mask: ${MASK_ALL ? 'every event' : 'transient events'}${MASK_HOLIDAYS ? ' + holidays' : ''}`,
);
for (const [start, end] of WINDOWS) {
  const data = generateSynthetic({ start, end, seed: SEED });
  const series = syntheticSeries(data, { id: `synthetic-${start}` });
  const values = series.values;
  const dates = Array.from(data.timestamps, (t) => new Date(t));
  const events = Uint8Array.from(data.eventType, (type) => (type === '' ? 0 : 1));
  const fitMask = Uint8Array.from(data.eventType, (type, i) => {
    const event = MASK_ALL ? type !== '' : type !== '' && type !== 'gradual_growth';
    return event || (MASK_HOLIDAYS && isHoliday(dates[i])) ? 1 : 0;
  });
  const calendar = Uint8Array.from(dates, (d, i) =>
    events[i] === 1 || isHoliday(d) || isQuarterEnd(d) ? 1 : 0,
  );
  console.log(`\n${start} .. ${end}: ${values.length} hourly points, ${data.events.length} events`);
  console.log(
    `${'model'.padEnd(22)}  origins  pooled  w/o hol.   per bucket (1-6 / 7-24 / 25-72 / 73-168)  time (s)`,
  );
  for (const name of models) {
    const [plugin, params] = PLUGINS[name];
    // fit once per origin; both scorings reuse the forecasts
    const model = baselineForecaster(plugin, { params, mask: fitMask });
    const forecasts = new Map();
    const forecaster = async (request) => {
      if (!forecasts.has(request.originIndex)) {
        const fitted = await model.fit(request.history, { originIndex: request.originIndex });
        forecasts.set(request.originIndex, await model.forecast(fitted, request));
      }
      return forecasts.get(request.originIndex);
    };
    const run = (exclude) =>
      backtest({ series, horizon: 168, origins: 8, metrics: ['mape'], exclude, forecaster });
    const result = await run(events);
    const plain = await run(calendar);
    const buckets = result.perHorizonBucket.map((b) => b.metrics.mape.toFixed(2)).join(' / ');
    console.log(
      `${name.padEnd(22)}${result.overall.mape.toFixed(2).padStart(9)}${pooled(result).toFixed(2).padStart(8)}${pooled(plain).toFixed(2).padStart(10)}   ${buckets.padEnd(40)}${(result.timings.totalMs / 1000).toFixed(1).padStart(8)}`,
    );
  }
}
