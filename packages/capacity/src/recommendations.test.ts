import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toIsoUtc } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { formatFact } from './fact-format.ts';
import { resolveFact } from './fact-source.ts';
import { planCapacity } from './plan-capacity.ts';
import { renderRecommendationsMarkdown } from './recommendations-markdown.ts';

const scenarios = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/scenario.json', import.meta.url)), 'utf8'),
);

describe('recommendations', () => {
  const plan = planCapacity(scenarios);
  const report = plan.recommendations;
  const items = [
    ...report.summary,
    ...report.sections.flatMap((s) => s.items),
    ...report.actions.immediate,
    ...report.actions.short_term,
    ...report.actions.long_term,
  ];

  it('carries every number with the frame and field it comes from, and the value is found there again', () => {
    for (const fact of Object.values(report.facts)) {
      const value = resolveFact(plan, fact.source);
      expect(fact.unit === 'timestamp' && typeof value === 'number' ? toIsoUtc(value) : value).toEqual(
        fact.value,
      );
    }
    expect(report.facts.horizon_start?.value).toBe('2025-03-03T00:00:00.000Z');
    expect(report.facts.conservative_monthly_cost?.value).toBe(plan.tiers.conservative.monthly_cost);
    expect(report.facts.reserved_gpus?.value).toBe(plan.procurement.reserved_gpus);
    expect(report.facts.risky_rows?.value).toBe(
      plan.requirements.filter((r) => r.risk_level === 'high' || r.risk_level === 'critical').length,
    );
  });

  it('types no number into its sentences: every digit comes from a cited fact', () => {
    // names of definitions, not data: the BF16 format and the quantile columns the rules read
    const definitions = /BF16|95th|99th|P95|P99/g;
    for (const item of items) {
      expect(item.text.replace(/\{[a-z0-9_]+\}/g, '').replace(definitions, '')).not.toMatch(/\d/);
      for (const key of item.facts) expect(report.facts).toHaveProperty(key);
    }
  });

  it('renders Markdown from the JSON alone, with every cited value in place', () => {
    const md = renderRecommendationsMarkdown(report);
    expect(md).not.toMatch(/\{[a-z0-9_]+\}/);
    for (const heading of [
      '## Capacity planning',
      '## Cost analysis',
      '## Scaling strategy',
      '### Immediate',
      '### Short term',
      '### Long term',
    ]) {
      expect(md).toContain(heading);
    }
    for (const item of items) {
      for (const key of item.facts) {
        const f = report.facts[key]!;
        expect(md).toContain(formatFact(f.value, f.unit, report.currency));
      }
    }
    // a JSON round trip renders the same Markdown
    expect(renderRecommendationsMarkdown(JSON.parse(JSON.stringify(report)))).toBe(md);
  });

  it('mentions GPU lead times in the long-term actions', () => {
    const longTerm = report.actions.long_term.map((i) => i.text).join(' ');
    expect(longTerm).toMatch(/procurement takes weeks/);
    expect(longTerm).toContain('{reserved_lead_days}');
  });

  it('follows the numbers: no risk sentence without risky steps, other currencies written out', () => {
    const calm = planCapacity(scenarios, { cost: { currency: 'EUR', capacity_buffer: 2 } });
    const md = renderRecommendationsMarkdown(calm.recommendations);
    expect(calm.recommendations.facts.risky_rows?.value).toBe(0);
    expect(md).toContain('No forecast step is high or critical risk');
    expect(md).not.toContain('Page the on-call');
    expect(md).toMatch(/\d EUR/);
    expect(md).not.toContain('$');
  });
});
