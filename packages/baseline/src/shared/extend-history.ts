import type { PlannedEvent, Series } from '@cdf/core';
import type { BaselineUpdate } from './baseline-kinds.ts';
import { mergeEvents } from './event-profile.ts';
import { appendSeries } from './series-window.ts';
import { skipMask } from './skip-mask.ts';
import { restoreHistory, type StoredHistory } from './stored-history.ts';

/** A stored history extended by new observations: the series, skip mask and events to refit on. */
export function extendHistory(
  stored: StoredHistory,
  next: BaselineUpdate,
): { series: Series; skip: Uint8Array; events: PlannedEvent[] } {
  const { series: old, skip: oldSkip } = restoreHistory(stored);
  const nextSkip = skipMask(next.series, next.mask);
  // the restored history only keeps the model's columns; new points may carry more
  const trimmed: Series = { ...next.series, columns: {} };
  for (const name of Object.keys(old.columns)) {
    const column = next.series.columns[name];
    if (column !== undefined) trimmed.columns[name] = column;
  }
  trimmed.values = trimmed.columns[old.target] ?? next.series.values;
  trimmed.columns[old.target] = trimmed.values;
  const series = appendSeries(old, trimmed);
  const skip = new Uint8Array(oldSkip.length + nextSkip.length);
  skip.set(oldSkip);
  skip.set(nextSkip, oldSkip.length);
  return { series, skip, events: mergeEvents(stored.events, next.plannedEvents) };
}
