import type { TimePanelModel } from '../panels/panel.ts';

/**
 * Instants as the page carries them: a regular grid `start + k * step` (k < count), or, for a
 * downsampled series, the grid `step` and the gaps between consecutive instants in steps.
 */
export type CompactInstants =
  | { start: number; step: number; count: number }
  | { start: number; step: number; gaps: number[] }
  | number[];

/** Notes as a table of distinct labels and one code per instant (0: no note, k: labels[k - 1]). */
export interface CompactNotes {
  labels: string[];
  codes: number[];
}

/** A {@link TimePanelModel} as the page carries it: instants and notes compacted, values rounded. */
export type CompactTimePanel = Omit<TimePanelModel, 't' | 'notes'> & {
  t: CompactInstants;
  notes?: CompactNotes;
};

/** A value with five significant digits: tooltips show at most four, the page stays small. */
export function roundForPage(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(5));
}

/** Encode increasing instants: a grid when every gap is equal, gaps in steps when all are multiples of the smallest. */
export function compactInstants(t: readonly number[]): CompactInstants {
  if (t.length < 2) return [...t];
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < t.length; i++) step = Math.min(step, t[i]! - t[i - 1]!);
  const gaps: number[] = [];
  let regular = true;
  for (let i = 1; i < t.length; i++) {
    const gap = (t[i]! - t[i - 1]!) / step;
    if (!Number.isInteger(gap)) return [...t];
    if (gap !== 1) regular = false;
    gaps.push(gap);
  }
  return regular ? { start: t[0]!, step, count: t.length } : { start: t[0]!, step, gaps };
}

/** Decode {@link compactInstants}' output (the page does the same in its script). */
export function expandInstants(c: CompactInstants): number[] {
  if (Array.isArray(c)) return c;
  if ('count' in c) return Array.from({ length: c.count }, (_, k) => c.start + k * c.step);
  const out = [c.start];
  for (const gap of c.gaps) out.push(out[out.length - 1]! + gap * c.step);
  return out;
}

/** Encode notes as a label table and codes. */
export function compactNotes(notes: readonly (string | null)[]): CompactNotes {
  const labels: string[] = [];
  const codes = notes.map((note) => {
    if (note === null) return 0;
    let k = labels.indexOf(note);
    if (k < 0) k = labels.push(note) - 1;
    return k + 1;
  });
  return { labels, codes };
}

/** The page's copy of a time panel. */
export function compactTimePanel(model: TimePanelModel): CompactTimePanel {
  const { notes, t, ...rest } = model;
  return {
    ...rest,
    t: compactInstants(t),
    series: model.series.map((s) => ({ ...s, values: s.values.map(roundForPage) })),
    ...(notes ? { notes: compactNotes(notes) } : {}),
  };
}
