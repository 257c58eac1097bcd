import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import { parseName } from '../flag-values.ts';
import type { CliIo } from '../io.ts';
import { addImagesOption, parseImagesFlag } from '../pipeline/images-flag.ts';
import { rebuildReport } from '../pipeline/rebuild-report.ts';

interface ReportFlags {
  run: string;
  out?: string;
  images?: string;
}

/**
 * `cdf report`: rebuild the capacity plan, the recommendations and the dashboard of a run from
 * its folder (after editing capacity parameters, or to regenerate the page), without refitting.
 */
export function reportCommand(io: CliIo): Command {
  return addImagesOption(
    new Command('report')
      .summary('rebuild the plan, recommendations and dashboard from a run folder')
      .description(
        'Read run.json, scenarios.csv, anomalies.csv and spike-events.json from --run (a cdf forecast or ' +
          "cdf predict output folder), plan capacity again with the run's capacity stage and write " +
          'requirements.csv, recommendations.md/.json, scaling-policy.json, hpa.yaml and dashboard.html ' +
          'into --out (default: the run folder).',
      )
      .requiredOption('--run <dir>', 'run folder written by cdf forecast or cdf predict')
      .option('--out <dir>', 'where to write (default: the run folder)'),
  ).action(async (flags: ReportFlags, self: Command) => {
    const run = commandRun(io, self);
    const runDir = parseName('--run', flags.run);
    const out = flags.out === undefined ? runDir : parseName('--out', flags.out);
    const images = parseImagesFlag(flags.images);
    try {
      run.progress.stage(`rebuilding the report of ${runDir}`);
      const result = await rebuildReport(runDir, out, run.now(), images);
      run.progress.done();
      const t = result.plan.tiers.conservative;
      run.result(
        `rebuilt from ${runDir}: ${t.average_gpus.toFixed(1)} GPUs on average (peak ${t.peak_gpus}) on ` +
          `${result.plan.gpu.name}, ${result.plan.cost.currency} ${Math.round(t.monthly_cost)} a month; ` +
          `wrote ${result.files.join(', ')} to ${out}\ndashboard: ${result.dashboard}`,
        {
          run: runDir,
          out,
          files: result.files,
          dashboard: result.dashboard,
          dashboard_series: result.dashboardSeries,
        },
      );
    } finally {
      run.progress.done();
    }
  });
}
