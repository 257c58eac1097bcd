import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDuration } from '@cdf/core';
import {
  datasetPath,
  loadNabCorpus,
  loadNabResults,
  type NabCorpus,
  type NabDetection,
  type NabProfileName,
  scoreNab,
} from '@cdf/eval';
import {
  createAnomalyDetector,
  NAB_ENSEMBLE_PARAMS,
  NAB_SUPPRESS,
  nabSeries,
  scoreChanges,
  suppressRepeats,
} from '@cdf/spikes';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import type { Suite } from '../suite.ts';

const PROFILES: NabProfileName[] = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'];

/** The best NAB score over thresholds, as NAB's optimiser finds it: a coarse sweep, then a fine one. */
async function bestScore(corpus: NabCorpus, detections: Map<string, NabDetection>, profile: NabProfileName) {
  let best = { threshold: 0, score: Number.NEGATIVE_INFINITY };
  for (let i = 0; i < 50; i++) {
    const threshold = 0.02 + i * 0.02;
    const r = await scoreNab({ corpus, detections, threshold, profile });
    if (r.score > best.score) best = { threshold, score: r.score };
  }
  const center = best.threshold;
  for (let k = -10; k <= 10; k++) {
    const threshold = center + k * 0.002;
    if (threshold <= 0 || threshold > 1) continue;
    const r = await scoreNab({ corpus, detections, threshold, profile });
    if (r.score > best.score) best = { threshold, score: r.score };
  }
  return best;
}

interface Published {
  name: string;
  scores: number[];
}

function readScoreboard(path: string): Published[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(',');
      return { name: cells[0]!, scores: [Number(cells[1]), Number(cells[2]), Number(cells[3])] };
    });
}

async function nabTables(ctx: CaseContext): Promise<ReportTable[]> {
  const nabDir = datasetPath(ctx.root, 'nab');
  if (!nabDir)
    return [
      {
        title: 'NAB — skipped',
        columns: ['why'],
        rows: [['the NAB dataset is not in ../shared/datasets/nab']],
      },
    ];
  const full = await loadNabCorpus(nabDir);
  // Quick: 5 files with labelled windows (NAB normalises over the files scored).
  const names = [...full.files.keys()]
    .filter((f) => !ctx.quick || full.files.get(f)!.windows.length > 0)
    .slice(0, ctx.quick ? 5 : undefined);
  const corpus: NabCorpus = {
    dataDir: full.dataDir,
    files: new Map(names.map((f) => [f, full.files.get(f)!])),
  };

  const change = new Map<string, NabDetection>();
  const ensemble = new Map<string, NabDetection>();
  let changeMs = 0;
  let ensembleMs = 0;
  let rows = 0;
  for (const [file, data] of corpus.files) {
    const text = await readFile(join(nabDir, 'data', file), 'utf8');
    const values = Float64Array.from(text.trim().split('\n').slice(1), (line) => Number(line.split(',')[1]));
    const series = nabSeries(file, data.timestamps, values);
    const t0 = performance.now();
    change.set(file, { scores: scoreChanges(series) });
    const t1 = performance.now();
    const prepared = createAnomalyDetector('ensemble', { params: NAB_ENSEMBLE_PARAMS }).preprocess(series);
    ensemble.set(file, {
      scores: suppressRepeats(
        prepared.scores,
        Math.max(1, Math.round(parseDuration(NAB_SUPPRESS)! / series.stepMs)),
      ),
    });
    changeMs += t1 - t0;
    ensembleMs += performance.now() - t1;
    rows += values.length;
  }
  const cdf = await Promise.all(PROFILES.map((p) => bestScore(corpus, change, p)));
  const cdfEnsemble = await Promise.all(PROFILES.map((p) => bestScore(corpus, ensemble, p)));

  // The scorer's check: NAB's published detections at their published thresholds.
  const thresholds = JSON.parse(readFileSync(join(nabDir, 'published-thresholds.json'), 'utf8')) as Record<
    string,
    Record<string, { threshold: number }>
  >;
  const reference: Array<Array<string | number>> = [];
  for (const [detector, label] of [
    ['numenta', 'Numenta HTM'],
    ['windowedGaussian', 'Windowed Gaussian'],
  ] as const) {
    const results = await loadNabResults({
      resultsDir: join(nabDir, 'reference-detections'),
      detector,
      files: corpus.files.keys(),
    });
    const scores: number[] = [];
    for (const profile of PROFILES) {
      const threshold = thresholds[detector]?.[profile]?.threshold;
      scores.push(
        threshold === undefined
          ? Number.NaN
          : (await scoreNab({ corpus, detections: results, threshold, profile })).score,
      );
    }
    reference.push([`${label} (published detections, rescored by @cdf/eval)`, ...scores, '']);
  }

  const board = readScoreboard(join(nabDir, 'published-scoreboard.csv'));
  const windowed = board.find((b) => b.name === 'Windowed Gaussian');
  const rowsOut: Array<Array<string | number>> = [
    [
      '**cdf change detector** (@cdf/spikes scoreChanges, the NAB profile)',
      ...cdf.map((c) => c.score),
      cdf.map((c) => c.threshold.toFixed(3)).join(' / '),
    ],
    [
      'cdf demand ensemble (@cdf/spikes, tuned for demand spikes)',
      ...cdfEnsemble.map((c) => c.score),
      cdfEnsemble.map((c) => c.threshold.toFixed(3)).join(' / '),
    ],
    ...reference,
  ];
  if (!ctx.quick) for (const b of board) rowsOut.push([`${b.name} (published)`, ...b.scores, '']);
  const better = board.filter((b) => b.name !== 'Perfect' && b.scores[0]! > cdf[0]!.score).map((b) => b.name);
  return [
    {
      title: `NAB v1.0 (${corpus.files.size} files${ctx.quick ? ', quick subset' : ''}, ${rows.toLocaleString('en-US')} rows): standard / low FP / low FN`,
      columns: ['detector', 'standard', 'low FP', 'low FN', 'cdf thresholds'],
      rows: rowsOut,
      notes: [
        `cdf: one configuration for the whole corpus (the change detector's defaults; the ensemble with ${JSON.stringify(NAB_ENSEMBLE_PARAMS)} and repeats within 1 day suppressed), one threshold per profile by sweeping it over the corpus, as NAB's optimiser does; scored by @cdf/eval's scoreNab. Detection took ${(changeMs / 1000).toFixed(1)} s (change detector) and ${(ensembleMs / 1000).toFixed(1)} s (ensemble).`,
        ctx.quick
          ? 'Quick run: 5 files only, normalised over their windows, so the numbers are not comparable with the published scoreboard.'
          : `Where cdf loses: on the standard profile ${better.length} published detectors score higher than the change detector (${better.join(', ')}). The demand ensemble (${cdfEnsemble[0]!.score.toFixed(1)}) is ${windowed && cdfEnsemble[0]!.score >= windowed.scores[0]! ? 'at or above' : 'below'} Windowed Gaussian (${windowed?.scores[0]}): it is built for demand spikes, not NAB's level shifts and drifts, so cdf uses the change detector for general monitoring data.`,
      ],
    },
  ];
}

/** NAB: cdf's detector scored with @cdf/eval's scoreNab beside the published scoreboard. */
export const nabSuite: Suite = { name: 'nab', tables: nabTables };
