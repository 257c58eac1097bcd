import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from './load-options.ts';
import { UsageError } from './usage-error.ts';

function parse(args: string[]): LoadFlags {
  const command = addLoadOptions(new Command('validate').argument('<file>').exitOverride());
  command.parse(['data.csv', ...args], { from: 'user' });
  return command.opts<LoadFlags>();
}

describe('addLoadOptions + parseLoadOptions', () => {
  it('leaves every option out when no flag is given, so loader defaults apply', () => {
    expect(parseLoadOptions(parse([]))).toEqual({});
  });

  it('turns every flag into its load/prepare option', () => {
    const options = parseLoadOptions(
      parse([
        '--format',
        'NDJSON',
        '--time-col',
        'ts',
        '--target',
        'request_count',
        '--id-col',
        'model',
        '--tz',
        'Europe/Paris',
        '--resample',
        '15min',
        '--on-duplicate',
        'sum',
        '--dropouts',
        'keep',
      ]),
    );
    expect(options).toEqual({
      format: 'ndjson',
      timeCol: 'ts',
      target: 'request_count',
      idCol: 'model',
      timeZone: 'Europe/Paris',
      resample: 900_000,
      onDuplicate: 'sum',
      dropouts: 'keep',
    });
  });

  it.each([
    [['--format', 'xlsx'], '--format: "xlsx" is not one of csv, json, ndjson, parquet'],
    [['--dropouts', 'drop'], '--dropouts: "drop" is not one of fill, keep'],
    [
      ['--tz', 'Europe/Atlantis'],
      '--tz: unknown time zone "Europe/Atlantis" (expected an IANA name such as UTC or Europe/Berlin)',
    ],
    [['--resample', 'often'], '--resample: "often" is not a duration (expected e.g. 30s, 5min, 1h, 1d)'],
    [['--on-duplicate', 'max'], '--on-duplicate: "max" is not one of sum, mean, last'],
    [['--target', ''], '--target: empty value'],
  ])('refuses %j with a usage error naming the flag', (args, message) => {
    const flags = parse(args);
    let thrown: unknown;
    try {
      parseLoadOptions(flags);
    } catch (error) {
      thrown = error;
    }
    expect(UsageError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });
});
