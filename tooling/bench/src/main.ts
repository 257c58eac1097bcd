/**
 * `pnpm bench [--quick] [--only NAME] [--runs N]`: run every suite, print Markdown tables, and
 * write them with the machine, date and commit to docs/benchmarks.md and bench-results.json
 * (`--quick`: docs/benchmarks-quick.md and bench-results-quick.json, so a smoke run never
 * overwrites the full run's committed results).
 * Each speed case runs in its own child process: the first run is the cold time, the median of
 * the rest the warm time, and the peak RSS is that process's own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './machine.ts';
import { type ReportTable, renderTable } from './report-table.ts';
import { type CaseResult, runCaseHere, runCaseIsolated } from './run-case.ts';
import type { CaseContext } from './speed-case.ts';
import { COLD_WARM_COLUMNS, formatMb, formatMs } from './stats.ts';
import { SUITES } from './suites/index.ts';

interface Args {
  quick: boolean;
  only?: string;
  runs?: number;
  caseId?: string;
  scratch?: string;
  noWrite: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, noWrite: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--no-write') args.noWrite = true;
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--case') args.caseId = argv[++i];
    else if (a === '--scratch') args.scratch = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: pnpm bench [--quick] [--only SUITE] [--runs N] [--no-write]');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return args;
}

const entry = fileURLToPath(import.meta.url);
const root = resolve(dirname(entry), '..', '..', '..');

function speedTable(results: CaseResult[]): ReportTable {
  return {
    title: 'Speed (each case in a fresh process; warm = median of the runs after the first)',
    columns: ['case', 'what', ...COLD_WARM_COLUMNS, 'peak RSS', 'throughput'],
    rows: results.map((r) => {
      if (r.error) return [r.id, r.title, 'failed', r.error, '', '', '', '', ''];
      const warm = r.warm;
      const best = warm?.median ?? r.cold;
      const throughput = r.units
        ? `${Math.round((r.units.count / best) * 1000).toLocaleString('en-US')} ${r.units.unit}/s`
        : '';
      return [
        r.id,
        r.title,
        formatMs(r.cold),
        warm ? formatMs(warm.median) : '—',
        warm ? formatMs(warm.min) : '—',
        warm ? formatMs(warm.max) : '—',
        String(warm ? warm.runs + 1 : 1),
        formatMb(r.peakRssBytes),
        throughput,
      ];
    }),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scratch = args.scratch ?? mkdtempSync(join(tmpdir(), 'cdf-bench-'));
  const ctx: CaseContext = { quick: args.quick, scratch, root, entry };
  const runs = args.runs ?? (args.quick ? 2 : 6);

  if (args.caseId) {
    // Child side: run one case and print its result as one JSON line.
    const c = SUITES.flatMap((s) => s.speed ?? []).find((x) => x.id === args.caseId);
    if (!c) throw new Error(`no case ${args.caseId}`);
    console.log(JSON.stringify(await runCaseHere(c, ctx, runs)));
    return;
  }

  const machine = machineInfo();
  const suites = SUITES.filter((s) => !args.only || s.name === args.only);
  console.log(
    `cdf bench — ${args.quick ? 'quick' : 'full'} run, ${machine.cores} cores, ${machine.cpu}, node ${machine.node}, commit ${machine.commit}`,
  );
  const results: CaseResult[] = [];
  const tables: ReportTable[] = [];
  const render = (done: number): string => {
    const all = results.length > 0 ? [speedTable(results), ...tables] : tables;
    const partial = done < suites.length ? ` Partial: ${done} of ${suites.length} suites so far.` : '';
    const header = [
      '# cdf benchmarks',
      '',
      `Run ${machine.date} on ${machine.platform}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, commit ${machine.commit}; ${args.quick ? 'quick (smoke) run: small inputs, few runs' : 'full run'}.${partial}`,
      'These machines are shared and noisy: compare medians and ratios, not single times.',
    ].join('\n');
    return `${header}\n\n${all.map(renderTable).join('\n\n')}\n`;
  };
  // A quick (smoke) run writes beside the full run's files, never over them: the committed
  // docs/benchmarks.md and bench-results.json always hold a full run.
  const suffix = args.quick ? '-quick' : '';
  const markdownFile = `docs/benchmarks${suffix}.md`;
  const jsonFile = `bench-results${suffix}.json`;
  // Written after every suite, so a long run that is stopped still leaves what it measured.
  const write = (done: number): void => {
    if (args.noWrite) return;
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, markdownFile), render(done));
    writeFileSync(
      join(root, jsonFile),
      `${JSON.stringify({ machine, quick: args.quick, complete: done === suites.length, speed: results, tables }, null, 2)}\n`,
    );
  };
  try {
    for (const [k, suite] of suites.entries()) {
      for (const c of suite.speed ?? []) {
        process.stderr.write(`bench: ${c.id} ...\n`);
        results.push(runCaseIsolated(entry, c, ctx, runs));
      }
      if (suite.tables) {
        process.stderr.write(`bench: ${suite.name} tables ...\n`);
        try {
          tables.push(...(await suite.tables(ctx)));
        } catch (error) {
          tables.push({
            title: `${suite.name}: failed`,
            columns: ['error'],
            rows: [[String((error as Error).message ?? error)]],
          });
        }
      }
      if (k < suites.length - 1) write(k + 1);
    }
  } finally {
    if (!args.scratch) rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\n${render(suites.length)}`);
  write(suites.length);
  if (!args.noWrite) console.log(`wrote ${markdownFile} and ${jsonFile}`);
  const failed = results.filter((r) => r.error).length;
  if (failed > 0) console.log(`${failed} case(s) failed: see the table`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
});
