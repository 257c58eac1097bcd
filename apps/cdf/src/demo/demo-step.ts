import type { Series } from '@cdf/core';
import type { DataSummary, SyntheticData } from '@cdf/data';
import type { PipelineRunResult } from '../pipeline/run-pipeline.ts';
import type { ProgressReporter } from '../progress.ts';

/** What the demo was asked to do. */
export interface DemoOptions {
  /** Output folder, absolute. */
  outDir: string;
  seed: number;
  /** Span of the synthetic history, epoch ms. */
  start: number;
  end: number;
  /** Spacing of the rows, ms. */
  stepMs: number;
}

/** The files the demo writes, absolute paths. */
export interface DemoFiles {
  metrics: string;
  events: string;
  launches: string;
}

/**
 * Everything the demo has produced so far. Each step reads what earlier steps left and adds its
 * own field; later steps (forecast, plan, dashboard) add theirs the same way.
 */
export interface DemoState {
  options: DemoOptions;
  files: DemoFiles;
  /** From the generate step. */
  synthetic?: SyntheticData;
  /** From the validate step: the written metrics file loaded back the way `cdf validate` loads it. */
  loaded?: { series: Series[]; summary: DataSummary };
  /** From the forecast step: what `cdf forecast` wrote into `<out>/forecast`. */
  forecast?: PipelineRunResult;
}

/** One line of the demo's closing summary, and the same fact for `--json`. */
export interface DemoFact {
  /** Short label, also the JSON key: `rows`, `span`. */
  label: string;
  /** The human text. */
  text: string;
  /** The machine value. */
  value: unknown;
}

/** One step of the demo pipeline. */
export interface DemoStep {
  /** Progress text while it runs: `generating demand`. */
  stage: string;
  /** Do the work, adding results to `state`. */
  run(state: DemoState): Promise<void>;
  /** Heading of this step's facts in the closing summary: `generated`, `validated metrics.csv`. */
  title: string;
  /** Facts for the closing summary, read after every step has run; none when absent. */
  facts?(state: DemoState): DemoFact[];
}

/** One step's part of the closing summary. */
export interface DemoSection {
  title: string;
  facts: DemoFact[];
}

/**
 * Run the steps in order, showing each as a progress stage, and return the summary sections of
 * the steps that have facts, in step order. A failing step stops the demo with its error.
 */
export async function runDemoSteps(
  steps: readonly DemoStep[],
  state: DemoState,
  progress: ProgressReporter,
): Promise<DemoSection[]> {
  try {
    for (const step of steps) {
      progress.stage(step.stage);
      await step.run(state);
    }
  } finally {
    progress.done();
  }
  return steps.flatMap((step) => {
    const facts = step.facts?.(state) ?? [];
    return facts.length > 0 ? [{ title: step.title, facts }] : [];
  });
}

/** A required piece of state an earlier step should have produced; a missing one is a bug. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`demo: ${what} is missing; a step ran before the one that makes it`);
  return value;
}
