import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { main } from '../src/main.ts';
import { captureIo } from './capture-io.ts';
import { cdfRunner } from './run-cdf.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-app-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

/** Exactly one line on stderr, and no stack frame anywhere. */
function expectOneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/\.ts:\d+/);
}

describe('cdf --help and --version', () => {
  it('lists every command with a one-line summary, the global flags and the exit codes', async () => {
    const { code, stdout, stderr } = await cdf('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: cdf \[options\] \[command\]/);
    expect(stdout).toMatch(/\n {2}validate \[options\] <file> +check a metrics file and summarise it/);
    expect(stdout).toMatch(/\n {2}generate \[options\] +write synthetic demand with ground-truth spikes/);
    expect(stdout).toMatch(
      /\n {2}demo \[options\] +generate, write and check two years of synthetic demand in one go/,
    );
    for (const flag of ['--quiet', '--json', '--debug', '--version']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Exit codes:');
    expect(stdout).toMatch(/\n {2}3 {4}input data invalid/);
  });

  it('shows a command help with its load options', async () => {
    const { code, stdout } = await cdf('validate', '--help');
    expect(code).toBe(0);
    for (const flag of [
      '--format',
      '--time-col',
      '--target',
      '--id-col',
      '--tz',
      '--resample',
      '--on-duplicate',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('prints the package version', async () => {
    const { code, stdout } = await cdf('--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`${packageJson.version}\n`);
  });

  it('shows the help on stderr and exits 2 without a command', async () => {
    const { code, stdout, stderr } = await cdf();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: cdf');
  });
});

describe('usage errors: one line, exit 2', () => {
  it.each([
    [['valdate', 'x.csv'], "cdf: unknown command 'valdate' (Did you mean validate?)"],
    [['frobnicate'], "cdf: unknown command 'frobnicate' (see cdf --help)"],
    [['validate', fixture('good-hourly.csv'), '--bogus'], "cdf: unknown option '--bogus' (see cdf --help)"],
    [['validate'], "cdf: missing required argument 'file' (see cdf --help)"],
    [
      ['validate', 'a.csv', 'b.csv'],
      "cdf: too many arguments for 'validate'. Expected 1 argument but got 2. (see cdf --help)",
    ],
    [
      ['validate', fixture('good-hourly.csv'), '--tz', 'Mars/Base'],
      'cdf: --tz: unknown time zone "Mars/Base" (expected an IANA name such as UTC or Europe/Berlin)',
    ],
    [
      ['validate', fixture('good-hourly.csv'), '--resample', 'soon'],
      'cdf: --resample: "soon" is not a duration (expected e.g. 30s, 5min, 1h, 1d)',
    ],
    [
      ['validate', fixture('good-hourly.csv'), '--on-duplicate', 'max'],
      'cdf: --on-duplicate: "max" is not one of sum, mean, last',
    ],
    [
      ['generate', '--start', '2025-01-01'],
      "cdf: required option '--end <instant>' not specified (see cdf --help)",
    ],
    [
      ['generate', '--start', '2025-01-02', '--end', '2025-01-01', '--out', 'x.csv'],
      'cdf: --end (2025-01-01) must be after --start (2025-01-02)',
    ],
    [
      ['generate', '--start', '2025-01-01T00:00:00', '--end', '2025-01-02', '--out', 'x.csv'],
      'cdf: --start: "2025-01-01T00:00:00" is not an instant (expected ISO 8601 with Z or an offset, e.g. 2025-01-01T00:00:00Z, or a date)',
    ],
    [
      ['generate', '--start', '2025-01-01', '--end', '2025-01-02', '--out', 'x.csv', '--seed', 'abc'],
      'cdf: --seed: "abc" is not a seed (expected an integer from 0 to 4294967295)',
    ],
    [
      ['generate', '--start', '2025-01-01', '--end', '2025-01-02', '--out', 'x.csv', '--events-out', 'e.txt'],
      'cdf: --events-out: "e.txt" must end in .csv or .json',
    ],
  ])('%j', async (argv, line) => {
    const { code, stdout, stderr } = await cdf(...argv);
    expect(stderr).toBe(`${line}\n`);
    expectOneLine(stderr);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});

describe('cdf validate', () => {
  it('prints the data summary of a good file and exits 0', async () => {
    const { code, stdout, stderr } = await cdf('validate', fixture('good-hourly.csv'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'rows        24 read, 24 used, 0 merged as duplicates, 0 merged by resampling\n',
    );
    expect(stdout).toContain(
      'span        2025-01-06T00:00:00.000Z .. 2025-01-06T23:00:00.000Z (24 points)\n',
    );
    expect(stdout).toContain('step        1h (inferred)\n');
    expect(stdout).toContain('gaps        none\n');
    // compute_tflops: min 100, mean 115 (2760 / 24), max 160 (see fixtures/README.md).
    expect(stdout).toMatch(/compute_tflops \(target\) +mean +24 +0 +100 +115 +160 /);
  });

  it('prints the summary as JSON with --json, before or after the command', async () => {
    for (const argv of [
      ['--json', 'validate', fixture('good-hourly.csv')],
      ['validate', fixture('good-hourly.csv'), '--json'],
    ]) {
      const { code, stdout } = await cdf(...argv);
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      expect(result).toMatchObject({
        valid: true,
        summary: { rowsRead: 24, rowsUsed: 24, stepMs: 3_600_000, points: 24, target: 'compute_tflops' },
      });
      const target = result.summary.columns.find((c: { name: string }) => c.name === 'compute_tflops');
      expect(target).toMatchObject({ min: 100, mean: 115, max: 160 });
    }
  });

  it('applies the load options: a resampled series has fewer points', async () => {
    const { code, stdout } = await cdf('--json', 'validate', fixture('good-hourly.csv'), '--resample', '6h');
    expect(code).toBe(0);
    const { summary } = JSON.parse(stdout);
    expect(summary).toMatchObject({
      points: 4,
      step: '6h',
      stepSource: 'resampled',
      rowsMergedByResample: 20,
    });
  });

  it('prints nothing with --quiet, exit code only', async () => {
    expect(await cdf('--quiet', 'validate', fixture('good-hourly.csv'))).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it.each([
    ['a missing file', 'nope.csv', 'nope.csv: file not found'],
    [
      'a missing column',
      'missing-target.csv',
      'missing-target.csv: column "compute_tflops": no target column "compute_tflops" (columns found: timestamp, request_count) ' +
        '(expected the demand column; name it with the target option (--target))',
    ],
    [
      'a non-numeric value',
      'non-numeric.csv',
      'non-numeric.csv: row 3, column "compute_tflops": not a number (got "abc"; expected a number)',
    ],
  ])('reports %s in one line, exit 3, no stack', async (_what, name, line) => {
    const path = fixture(name);
    const { code, stdout, stderr } = await cdf('validate', path);
    expect(stderr).toBe(`cdf: ${join(import.meta.dirname, 'fixtures', line)}\n`);
    expectOneLine(stderr);
    expect(code).toBe(3);
    expect(stdout).toBe('');
  });

  it('adds the stack only with --debug', async () => {
    const { code, stderr } = await cdf('--debug', 'validate', fixture('non-numeric.csv'));
    expect(code).toBe(3);
    const lines = stderr.split('\n');
    expect(lines[0]).toMatch(/^cdf: .*non-numeric\.csv: row 3, column "compute_tflops": not a number/);
    expect(lines[1]).toMatch(/^CdfError: not a number/);
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('reports the error as JSON on stdout too with --json', async () => {
    const { code, stdout, stderr } = await cdf('--json', 'validate', fixture('missing-target.csv'));
    expect(code).toBe(3);
    expectOneLine(stderr);
    expect(JSON.parse(stdout).error).toMatchObject({
      code: 'MISSING_COLUMN',
      exitCode: 3,
      location: { column: 'compute_tflops' },
    });
  });
});

describe('cdf generate', () => {
  const span = ['--start', '2025-01-01', '--end', '2025-01-15T00:00:00Z'];

  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    const outputs: Record<string, Buffer>[] = [];
    for (const [run, seed] of [
      ['a', '7'],
      ['b', '7'],
      ['c', '8'],
    ] as const) {
      const files = {
        metrics: join(tmp, `gen-${run}.csv`),
        events: join(tmp, `gen-${run}-events.json`),
        launches: join(tmp, `gen-${run}-launches.json`),
      };
      const { code, stderr } = await cdf(
        'generate',
        ...span,
        '--seed',
        seed,
        '--out',
        files.metrics,
        '--events-out',
        files.events,
        '--launches-out',
        files.launches,
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      outputs.push({
        metrics: await readFile(files.metrics),
        events: await readFile(files.events),
        launches: await readFile(files.launches),
      });
    }
    const [a, b, c] = outputs as [Record<string, Buffer>, Record<string, Buffer>, Record<string, Buffer>];
    for (const kind of ['metrics', 'events', 'launches']) expect(a[kind]!.equals(b[kind]!), kind).toBe(true);
    expect(a.metrics!.equals(c.metrics!)).toBe(false);
    // 14 days hourly, end exclusive: 336 rows after the header.
    expect(a.metrics!.toString('utf8').trimEnd().split('\n')).toHaveLength(337);
  });

  it('prints one summary line with rows, span, events by type and launches', async () => {
    const out = join(tmp, 'gen-line.csv');
    const { code, stdout } = await cdf('generate', ...span, '--out', out);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toHaveLength(2);
    expect(stdout).toMatch(
      new RegExp(
        `^wrote 336 rows \\(2025-01-01T00:00:00Z to 2025-01-14T23:00:00Z, step 1h, seed 42\\) to ${out.replace(/[.]/g, '\\.')}; ` +
          '\\d+ events: \\d+ feature_launch, \\d+ viral_event, \\d+ api_abuse, \\d+ gradual_growth; \\d+ planned launches\n$',
      ),
    );
    const eventsOut = join(tmp, 'gen-line-events.json');
    const json = JSON.parse(
      (await cdf('--json', 'generate', ...span, '--out', out, '--events-out', eventsOut)).stdout,
    );
    expect(json).toMatchObject({
      rows: 336,
      start: '2025-01-01T00:00:00Z',
      end: '2025-01-14T23:00:00Z',
      step: '1h',
      seed: 42,
    });
    // The counts by type are those of the ground-truth file written by the same run.
    const events = JSON.parse(await readFile(eventsOut, 'utf8')) as { type: string }[];
    const counted: Record<string, number> = {
      feature_launch: 0,
      viral_event: 0,
      api_abuse: 0,
      gradual_growth: 0,
    };
    for (const event of events) counted[event.type]! += 1;
    expect(json.eventsByType).toEqual(counted);
    expect(events.length).toBeGreaterThan(0);
  });

  it('writes nothing to stdout with --quiet', async () => {
    const { code, stdout, stderr } = await cdf(
      'generate',
      ...span,
      '--out',
      join(tmp, 'gen-quiet.csv'),
      '--quiet',
    );
    expect([code, stdout, stderr]).toEqual([0, '', '']);
  });

  it('names the flag when the generator refuses a value', async () => {
    const { code, stderr } = await cdf('generate', ...span, '--step', '2d', '--out', join(tmp, 'x.csv'));
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toBe(
      'cdf: --step: "2d" is not accepted by the generator (expected whole milliseconds from 1000 (1 s) to 86400000 (1 day))\n',
    );
  });
});

// The demo runs every pipeline step (forecasting included), which takes a while on a busy machine.
describe('cdf demo', { timeout: 240_000 }, () => {
  it('writes metrics, events and launches, loads them back and prints the summary', async () => {
    const outDir = join(tmp, 'demo');
    const { code, stdout, stderr } = await cdf(
      'demo',
      '--out',
      outDir,
      '--end',
      '2025-01-01T00:00:00Z',
      '--seed',
      '7',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Two calendar years before 2025-01-01 (2024 is a leap year): 731 days of hours.
    expect(stdout).toMatch(/\n {2}rows +17,544 \(1 series\)\n/);
    expect(stdout).toMatch(/\n {2}span +2023-01-01T00:00:00Z to 2024-12-31T23:00:00Z \(731 days\)\n/);
    expect(stdout).toMatch(/\n {2}step +1h\n/);
    expect(stdout).toMatch(/\n {2}demand +[\d,.]+ to [\d,.]+ \(compute_tflops\)\n/);
    expect(stdout).toMatch(/\n {2}gaps +none\n/);
    expect(stdout).toMatch(
      /\n {2}events +\d+ events: \d+ feature_launch, \d+ viral_event, \d+ api_abuse, \d+ gradual_growth\n/,
    );
    expect(stdout).toMatch(/\n {2}files +metrics\.csv, events\.csv, launches\.json\n/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`output folder: ${outDir}`);

    const metrics = await readFile(join(outDir, 'metrics.csv'), 'utf8');
    expect(metrics.trimEnd().split('\n')).toHaveLength(17_545);
    const events = (await readFile(join(outDir, 'events.csv'), 'utf8')).trimEnd().split('\n');
    const launches = JSON.parse(await readFile(join(outDir, 'launches.json'), 'utf8')) as unknown[];
    // The summary counts what the files hold.
    expect(stdout).toMatch(new RegExp(`\\n {2}events +${events.length - 1} events: `));
    expect(stdout).toMatch(
      new RegExp(`\\n {2}launches +${launches.length} \\(2 of them after the history\\)\\n`),
    );
  });
});

describe('unexpected errors', () => {
  it('are one line "internal error", exit 1, with the stack only under --debug', async () => {
    for (const debug of [false, true]) {
      const captured = captureIo();
      // A stdout that fails (a closed pipe, say) is not a cdf error: it is reported as internal.
      captured.io.stdout = {
        write: () => {
          throw new TypeError('stdout is closed');
        },
      };
      const argv = ['validate', fixture('good-hourly.csv'), ...(debug ? ['--debug'] : [])];
      expect(await main(argv, captured.io)).toBe(1);
      const stderr = captured.stderr();
      if (debug) {
        expect(stderr.split('\n')[0]).toBe('cdf: internal error: stdout is closed');
        expect(stderr).toMatch(/\n\s+at /);
      } else {
        expect(stderr).toBe('cdf: internal error: stdout is closed (run with --debug for the stack)\n');
      }
    }
  });
});
