import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planCapacity, renderRecommendationsMarkdown } from '../src/index.ts';

// The fixed scenario and the golden outputs live in ../fixtures (see its README for how they
// were made). Set UPDATE_GOLDEN=1 to rewrite the goldens after an intended change, then review
// the diff before committing.
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function goldenPlan() {
  const scenarios = JSON.parse(readFileSync(fixture('scenario.json'), 'utf8'));
  const plannedEvents = JSON.parse(readFileSync(fixture('planned-events.json'), 'utf8'));
  return planCapacity(scenarios, { gpu: 'a100', plannedEvents });
}

function compare(name: string, actual: string): void {
  if (update) writeFileSync(fixture(name), actual);
  expect(actual).toBe(readFileSync(fixture(name), 'utf8'));
}

describe('golden report for the fixed scenario', () => {
  const plan = goldenPlan();

  it('renders the recommendations Markdown exactly', () => {
    compare('golden-recommendations.md', renderRecommendationsMarkdown(plan.recommendations));
  });

  it('writes the recommendations JSON exactly', () => {
    compare('golden-recommendations.json', `${JSON.stringify(plan.recommendations, null, 2)}\n`);
  });

  it('writes the HPA manifest exactly', () => {
    compare('golden-hpa.yaml', plan.hpaManifest);
  });

  it('is byte-identical on a second run', () => {
    const again = goldenPlan();
    expect(renderRecommendationsMarkdown(again.recommendations)).toBe(
      renderRecommendationsMarkdown(plan.recommendations),
    );
    expect(again.hpaManifest).toBe(plan.hpaManifest);
  });
});
