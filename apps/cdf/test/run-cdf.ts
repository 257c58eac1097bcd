import { main } from '../src/main.ts';
import { captureIo } from './capture-io.ts';

/** What one in-process `cdf` run gave: its exit code and everything it printed. */
export interface CdfRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `cdf` in-process with `argv`; `now` pins the clock the run reads (for stable output). */
export async function runCdf(argv: readonly string[], options: { now?: number } = {}): Promise<CdfRun> {
  const captured = captureIo(options);
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** {@link runCdf} as a function of its arguments, as the tests call it: `cdf('forecast', ...)`. */
export function cdfRunner(options: { now?: number } = {}): (...argv: string[]) => Promise<CdfRun> {
  return (...argv) => runCdf(argv, options);
}
