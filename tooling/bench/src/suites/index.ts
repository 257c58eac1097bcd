import type { Suite } from '../suite.ts';
import { baselineSuite } from './baseline.ts';
import { baselinePeerSuite } from './baseline-peer.ts';
import { capacitySuite } from './capacity.ts';
import { dataSuite } from './data.ts';
import { featuresSuite } from './features.ts';
import { forecastSuite } from './forecast.ts';
import { gbdtSuite } from './gbdt.ts';
import { isolationForestPeerSuite } from './isolation-forest-peer.ts';
import { m4Suite } from './m4.ts';
import { nabSuite } from './nab.ts';
import { spikesSuite } from './spikes.ts';

/** Every suite, in the order the report shows them. */
export const SUITES: Suite[] = [
  dataSuite,
  featuresSuite,
  baselineSuite,
  baselinePeerSuite,
  gbdtSuite,
  capacitySuite,
  spikesSuite,
  isolationForestPeerSuite,
  forecastSuite,
  m4Suite,
  nabSuite,
];
