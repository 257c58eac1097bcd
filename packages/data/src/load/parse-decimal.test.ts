import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKind } from './cell-kind.ts';
import { parseDecimal } from './parse-decimal.ts';

const parse = (text: string) => parseDecimal(text, 0, text.length);

describe('parseDecimal', () => {
  it('reads decimals with signs, points, exponents and blanks around them', () => {
    expect(parse('12')).toBe(12);
    expect(parse(' -3.5\t')).toBe(-3.5);
    expect(parse('+.5')).toBe(0.5);
    expect(parse('5.')).toBe(5);
    expect(parse('1e-3')).toBe(0.001);
    expect(parse('2.5E+2')).toBe(250);
    expect(parse('0.1')).toBe(0.1);
    expect(parse('007')).toBe(7);
    expect(Object.is(parse('-0'), -0)).toBe(true);
    expect(parse('12345678901234567890')).toBe(Number('12345678901234567890')); // > 15 digits: Number()
    expect(parse('1e999')).toBe(Number.POSITIVE_INFINITY);
    expect(parse('-1e999')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reads a range in place', () => {
    expect(parseDecimal('a,12.5,b', 2, 6)).toBe(12.5);
  });

  it.each([
    '',
    ' ',
    '.',
    '-',
    'e5',
    '1e',
    '1e+',
    '0x10',
    '1_000',
    '1,000',
    'NaN',
    'Infinity',
    '12abc',
    '1.2.3',
    '--1',
  ])('is NaN for %j', (text) => {
    expect(parse(text)).toBeNaN();
  });

  it('round-trips every finite double through its shortest text (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // === (not Object.is): -0 prints as "0", which reads back as 0.
        expect(parse(String(x)) === x).toBe(true);
        expect(parse(x.toExponential()) === x).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Number() on any decimal text (property)', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 25 });
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits,
        fc.option(digits),
        fc.option(
          fc.tuple(
            fc.constantFrom('e', 'E'),
            fc.constantFrom('', '-', '+'),
            fc.integer({ min: 0, max: 400 }),
          ),
        ),
      )
      .map(
        ([sign, whole, fraction, exponent]) =>
          `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `${exponent[0]}${exponent[1]}${exponent[2]}`}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parse(text), Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('cellKind', () => {
  it('classifies empty, numbers, non-finite numbers and text', () => {
    expect(cellKind('')).toBe('empty');
    expect(cellKind('  \t')).toBe('empty');
    expect(cellKind(' 12.5 ')).toBe('number');
    expect(cellKind('1e999')).toBe('number');
    for (const text of ['NaN', 'nan', '-Infinity', 'inf', '+INF']) expect(cellKind(text)).toBe('non-finite');
    for (const text of ['none', 'launch', '0x1F', '1,000', 'true', '12 kg'])
      expect(cellKind(text)).toBe('text');
  });

  it('calls "number" exactly what parseDecimal reads (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.-+eE xa') }), (text) => {
        expect(cellKind(text) === 'number').toBe(!Number.isNaN(parse(text)));
      }),
      { numRuns: 5000 },
    );
  });
});
