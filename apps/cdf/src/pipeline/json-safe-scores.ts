import type { CandidateScore } from '@cdf/baseline';

/** A candidate's scores as run.json holds them: a score that could not be computed is null. */
export type JsonCandidateScore = Omit<CandidateScore, 'smape' | 'mase'> & {
  smape: number | null;
  mase: number | null;
};

/**
 * Baseline selection scores for run.json. A candidate that failed scores Infinity, which JSON
 * cannot hold: such scores become null (the candidate's `failed` says why).
 */
export function jsonSafeScores(scores: readonly CandidateScore[]): JsonCandidateScore[] {
  return scores.map((c) => ({
    ...c,
    smape: Number.isFinite(c.smape) ? c.smape : null,
    mase: Number.isFinite(c.mase) ? c.mase : null,
  }));
}
