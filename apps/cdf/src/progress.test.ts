import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from './progress.ts';

function sink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (text: string) => chunks.push(text) } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createProgress', () => {
  it('prints nothing when disabled (not a TTY, or --quiet)', () => {
    const { chunks, stream } = sink();
    const progress = createProgress({ stream, enabled: false });
    progress.stage('generating');
    progress.stage('writing');
    progress.done();
    expect(chunks).toEqual([]);
  });

  it('keeps one line with the stage and the elapsed time since the first stage, then clears it', () => {
    const { chunks, stream } = sink();
    let clock = 1_000;
    const progress = createProgress({ stream, enabled: true, now: () => clock, refreshMs: 1e9 });
    progress.stage('generating 17,520 rows');
    clock += 2_345;
    progress.stage('writing metrics.csv');
    progress.done();
    expect(chunks).toEqual([
      '\r\x1b[2Kcdf: generating 17,520 rows (0.0s)',
      '\r\x1b[2Kcdf: writing metrics.csv (2.3s)',
      '\r\x1b[2K',
    ]);
    // done twice is harmless and prints nothing more.
    progress.done();
    expect(chunks).toHaveLength(3);
  });

  it('redraws the elapsed time while a stage runs, and stops after done', () => {
    vi.useFakeTimers();
    const { chunks, stream } = sink();
    const progress = createProgress({ stream, enabled: true, now: () => Date.now(), refreshMs: 500 });
    progress.stage('fitting');
    vi.advanceTimersByTime(1_000);
    expect(chunks).toEqual([
      '\r\x1b[2Kcdf: fitting (0.0s)',
      '\r\x1b[2Kcdf: fitting (0.5s)',
      '\r\x1b[2Kcdf: fitting (1.0s)',
    ]);
    progress.done();
    vi.advanceTimersByTime(5_000);
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
    expect(chunks).toHaveLength(4);
  });
});
