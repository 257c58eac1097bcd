import { formatFact } from './fact-format.ts';
import type { FactSource } from './fact-source.ts';
import type { RecommendationItem, RecommendationsReport } from './recommendations.ts';

/**
 * Render the report as Markdown from its JSON alone: every `{key}` is replaced by the fact's
 * formatted value, and a closing table lists each fact with the frame and field it comes from.
 */
export function renderRecommendationsMarkdown(report: RecommendationsReport): string {
  const text = (item: RecommendationItem): string =>
    item.text.replace(/\{([a-z0-9_]+)\}/g, (_, key: string) => {
      const fact = report.facts[key];
      if (!fact) throw new RangeError(`report text cites unknown fact "${key}"`);
      return formatFact(fact.value, fact.unit, report.currency);
    });
  const cell = (key: string): string => {
    const fact = report.facts[key];
    return fact ? escapeCell(formatFact(fact.value, fact.unit, report.currency)) : 'n/a';
  };
  const bullets = (items: readonly RecommendationItem[]): string[] => items.map((i) => `- ${text(i)}`);

  const out: string[] = [`# ${report.title}`, ''];
  for (const i of report.summary) out.push(text(i), '');
  for (const section of report.sections) {
    out.push(`## ${section.title}`, '', ...bullets(section.items), '');
    if (section.id === 'capacity_planning') {
      out.push(
        '| Tier | Average GPUs | Peak GPUs | Average cost per hour | Monthly cost | Premium over baseline per month | Expected shortfall (GPU-hours) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const row of report.tier_table) {
        const f = row.facts;
        out.push(
          `| ${escapeCell(row.tier)} | ${cell(f.average_gpus)} | ${cell(f.peak_gpus)} | ${cell(f.average_cost_per_hour)} | ${cell(f.monthly_cost)} | ${cell(f.premium_over_baseline_monthly)} | ${cell(f.expected_shortfall_gpu_hours)} |`,
        );
      }
      out.push('', 'How each tier is sized (buffer and utilization target from the cost model):', '');
      for (const row of report.tier_table) out.push(`- ${row.tier}: ${row.sizing}.`);
      out.push('');
    }
  }
  out.push('## Actions', '');
  out.push('### Immediate (today)', '', ...bullets(report.actions.immediate), '');
  out.push('### Short term (this week and month)', '', ...bullets(report.actions.short_term), '');
  out.push('### Long term (next quarter)', '', ...bullets(report.actions.long_term), '');
  out.push('## Where the numbers come from', '', '| Fact | Value | Source |', '| --- | --- | --- |');
  for (const [key, fact] of Object.entries(report.facts)) {
    out.push(
      `| \`${key}\` | ${escapeCell(formatFact(fact.value, fact.unit, report.currency))} | ${escapeCell(describeSource(fact.source))} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A source in words: `tiers.conservative.monthly_cost`, `requirements.recommended_gpus (max)`. */
export function describeSource(source: FactSource): string {
  const path = `${source.frame}.${source.field}`;
  if (source.frame !== 'requirements') return path;
  const where = source.where ? ` where ${source.where.field} in ${source.where.in.join(', ')}` : '';
  return `${path} (${source.aggregate ?? 'first'}${where})`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
