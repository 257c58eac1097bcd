import { join } from 'node:path';
import { DAY_MS, toIsoUtc } from '@cdf/core';
import { formatJson, type PlannedLaunchRecord, writeTextFile } from '@cdf/data';
import packageJson from '../../package.json' with { type: 'json' };
import { recommendationsSummary } from '../pipeline/pipeline-flags.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { type DemoStep, required } from './demo-step.ts';

/** The launch the demo plans within the coming week: 3x for two days, from five days after the history. */
export function demoLaunch(end: number): PlannedLaunchRecord {
  return {
    date: toIsoUtc(end + 5 * DAY_MS),
    name: 'demo launch (planned)',
    expected_multiplier: 3,
    expected_duration_hours: 48,
  };
}

/**
 * Plan a launch in the coming week (added to the generator's own future launches in
 * `planned-launches.json`) and run the default `cdf forecast` pipeline on the metrics file: a
 * week ahead, every stage fitted, into `<out>/forecast`.
 */
export const forecastStep: DemoStep = {
  stage: 'forecasting a week ahead (cdf forecast)',
  title: 'forecast (cdf forecast, default pipeline)',
  async run(state) {
    const synthetic = required(state.synthetic, 'the synthetic data');
    const launches = [...synthetic.plannedLaunches, demoLaunch(state.options.end)];
    const eventsFile = join(state.options.outDir, 'planned-launches.json');
    await writeTextFile(eventsFile, formatJson(launches));
    state.forecast = await runPipeline({
      kind: 'forecast',
      input: state.files.metrics,
      load: {},
      events: eventsFile,
      horizon: 168,
      out: join(state.options.outDir, 'forecast'),
      progress: { stage: () => {}, done: () => {} },
      now: () => state.options.end,
      command: 'demo',
      version: packageJson.version,
    });
  },
  facts(state) {
    const result = required(state.forecast, 'the forecast');
    const launch = demoLaunch(state.options.end);
    return [
      {
        label: 'launch',
        text: `${launch.name}, ${launch.expected_multiplier}x from ${launch.date}`,
        value: launch,
      },
      {
        label: 'baseline',
        text: Object.keys(result.baselines).join(', '),
        value: result.baselines,
      },
      {
        label: 'plan',
        text: recommendationsSummary(result).join(' '),
        value: recommendationsSummary(result),
      },
      { label: 'took', text: `${((result.timings.total ?? 0) / 1000).toFixed(1)}s`, value: result.timings },
      { label: 'dashboard', text: result.dashboard ?? '-', value: result.dashboard ?? null },
    ];
  },
};
