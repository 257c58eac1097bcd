import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CaseContext, SpeedCase } from './speed-case.ts';
import { summarise, type TimingSummary } from './stats.ts';

/** What one case measured, in its own process. */
export interface CaseResult {
  id: string;
  title: string;
  cold: number;
  warm: TimingSummary | null;
  peakRssBytes: number;
  units?: { count: number; unit: string };
  error?: string;
}

/** Run a case inside this process (the child side): setup, then `runs` timed runs. */
export async function runCaseHere(c: SpeedCase, ctx: CaseContext, runs: number): Promise<CaseResult> {
  const state = await c.setup(ctx);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await c.run(state, ctx);
    times.push(performance.now() - t0);
  }
  const [cold, ...warm] = times;
  return {
    id: c.id,
    title: c.title,
    cold: cold!,
    warm: warm.length > 0 ? summarise(warm) : null,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    ...(c.units ? { units: c.units(ctx) } : {}),
  };
}

/**
 * Run a case in a fresh child process, so its cold time is really cold and its peak RSS is its own.
 */
export function runCaseIsolated(entry: string, c: SpeedCase, ctx: CaseContext, runs: number): CaseResult {
  const n = Math.max(1, Math.min(runs, c.maxRuns ?? runs));
  const args = [entry, '--case', c.id, '--runs', String(n), '--scratch', ctx.scratch];
  if (ctx.quick) args.push('--quick');
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{"id"'));
  if (child.status !== 0 || !line) {
    const why = (child.stderr || child.stdout || `exit ${child.status}`).trim().split('\n').slice(-1)[0];
    return {
      id: c.id,
      title: c.title,
      cold: Number.NaN,
      warm: null,
      peakRssBytes: 0,
      error: why ?? 'failed',
    };
  }
  return JSON.parse(line) as CaseResult;
}
