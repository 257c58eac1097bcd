import type { MetricsTable } from '@cdf/core';
import type { LoadedTable } from '../load/index.ts';

/**
 * What prepare reads from its input: a plain {@link MetricsTable}, or a {@link LoadedTable} whose
 * provenance (source, rows, column names, timestamp format) ends up in messages and the summary.
 * `format` is set by `loadSeries`, which knows the file format the loader used.
 */
export type PrepareInput = MetricsTable & Partial<LoadedTable> & { format?: string };
