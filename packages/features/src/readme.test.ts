import { readFileSync } from 'node:fs';
import { makeContractSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { buildDirectMatrix } from './direct-matrix.ts';

// The README's feature table is the reference users read: every name the code emits must be in it.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Features'), readme.indexOf('## The direct design matrix'));

describe('README feature table', () => {
  it('documents every feature name of a full design matrix', () => {
    const s = makeContractSeries(24 * 10);
    s.columns.queue_depth = new Float64Array(s.values.length).fill(3);
    s.columns.p95_latency_ms = new Float64Array(s.values.length).fill(250);
    const { matrix } = buildDirectMatrix(s, {
      horizons: [1],
      anomalies: new Uint8Array(s.values.length),
      capacity: 500,
    });
    expect(matrix.names.length).toBe(38 + 14);
    const missing = matrix.names.filter((name) => {
      const rolling = /^roll_(mean|std|max|p95)_(\d+h)$/.exec(name);
      if (rolling)
        return !(table.includes(`\`roll_${rolling[1]}_<w>\``) && table.includes(`\`${rolling[2]}\``));
      return !table.includes(`\`${name}\``);
    });
    expect(missing).toEqual([]);
  });
});
