import { formatStep, InsufficientHistoryError } from '@cdf/core';
import { countObserved } from './skip-mask.ts';

/**
 * Throws InsufficientHistoryError (naming the minimum) when the series is shorter than
 * `required` points, or when fewer than two of its points are observed.
 */
export function assertHistory(model: string, required: number, stepMs: number, skip: Uint8Array): void {
  const unit = `points at ${formatStep(stepMs)}`;
  if (skip.length < required) throw new InsufficientHistoryError(model, required, skip.length, { unit });
  const observed = countObserved(skip);
  if (observed < 2)
    throw new InsufficientHistoryError(model, 2, observed, { unit: 'observed (unmasked) points' });
}
