import type { Suite } from '../suite.ts';
import { baselineSuite } from './baseline.ts';
import { baselinePeerSuite } from './baseline-peer.ts';
import { dataSuite } from './data.ts';

/** Every suite, in the order the report shows them. */
export const SUITES: Suite[] = [dataSuite, baselineSuite, baselinePeerSuite];
