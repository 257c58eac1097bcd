import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from './yaml-text.ts';

describe('toYaml', () => {
  it('writes block YAML that parses back to the same data', () => {
    const data = {
      name: 'x',
      quoted: ['70', 'true', 'a: b', '', 'null', '#hash', 'multi\nline'],
      nested: { list: [{ a: 1, b: [1.5, -2] }, 'plain'], empty: [], none: {}, nil: null, yes: false },
      'key with space': 3,
    };
    const text = toYaml(data, ['a comment']);
    expect(text.startsWith('# a comment\n')).toBe(true);
    expect(parse(text)).toEqual(data);
  });
});
