import { describe, expect, it } from 'vitest';
import { parseM4Published } from './m4-published.ts';

// The header and two rows (lines 1, 3 and 27) of ../shared/datasets/m4-hourly/published-results-all-414.csv,
// plus a made-up row without hourly scores, which the parser must leave out.
const CSV = [
  'method_or_userid,last_name,overall_rank_pf,hourly_sMAPE,hourly_MASE,hourly_OWA,total_sMAPE,total_MASE,total_OWA',
  'sNaive,-,41,13.912,1.193,0.627453623361059,14.65741,2.056796,1.0781363578377086',
  '118,Smyl,1,9.328,0.893,0.4401427319445203,11.374402,1.535696,0.8208548754209313',
  '999,Nobody,60,,,,13.1,1.9,0.95',
].join('\n');

describe('parseM4Published', () => {
  it('reads the hourly scores, naming benchmarks by id and entries by last name', () => {
    expect(parseM4Published(CSV)).toEqual([
      { name: 'sNaive', smape: 13.912, mase: 1.193, owa: 0.627453623361059 },
      { name: 'Smyl', smape: 9.328, mase: 0.893, owa: 0.4401427319445203 },
    ]);
  });
});
