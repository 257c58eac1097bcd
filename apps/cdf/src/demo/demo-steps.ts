import type { DemoStep } from './demo-step.ts';
import { forecastStep } from './forecast-step.ts';
import { generateStep } from './generate-step.ts';
import { validateStep } from './validate-step.ts';
import { writeStep } from './write-step.ts';

/**
 * The demo pipeline, in order. Extending the demo (forecast, plan, dashboard) is adding a step
 * file and one line here.
 */
// biome-ignore format: one step per line, so adding a step is a one-line change.
export const DEMO_STEPS: readonly DemoStep[] = [
  generateStep,
  writeStep,
  validateStep,
  forecastStep,
];
