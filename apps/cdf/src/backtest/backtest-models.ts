import {
  type CdfBaselinePlugin,
  ensembleBaseline,
  mstlBaseline,
  prophetBaseline,
  seasonalNaiveBaseline,
} from '@cdf/baseline';

/** A baseline `cdf backtest --model` can name: its plug-in and parameters. */
export interface BacktestModelChoice {
  plugin: CdfBaselinePlugin;
  params: Record<string, unknown>;
  /** What it is, for `--help`. */
  description: string;
}

/**
 * The models of `cdf backtest --model`. `auto` is the default baseline: the ensemble, which
 * ranks its candidates on each series' own history (see @cdf/baseline).
 */
export const BACKTEST_MODELS = {
  auto: { plugin: ensembleBaseline, params: {}, description: 'the default baseline (the ensemble)' },
  ensemble: {
    plugin: ensembleBaseline,
    params: {},
    description: 'the two best of seasonal profiles, seasonal naive and MSTL + ETS',
  },
  prophet: { plugin: prophetBaseline, params: {}, description: 'Prophet with its defaults' },
  mstl: { plugin: mstlBaseline, params: {}, description: 'MSTL (day and week) + AutoETS' },
  'seasonal-naive': { plugin: seasonalNaiveBaseline, params: {}, description: 'repeat the last day' },
  'seasonal-naive-week': {
    plugin: seasonalNaiveBaseline,
    params: { season: 'week' },
    description: 'repeat the last week',
  },
} as const satisfies Record<string, BacktestModelChoice>;

/** A name of {@link BACKTEST_MODELS}. */
export type BacktestModelName = keyof typeof BACKTEST_MODELS;

/** The model names, in help order. */
export const BACKTEST_MODEL_NAMES = Object.keys(BACKTEST_MODELS) as BacktestModelName[];
