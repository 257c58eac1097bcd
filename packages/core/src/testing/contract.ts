import { CdfError, CdfErrorCode } from '../errors.ts';
import type { BaselinePlugin, FittedBaseline } from '../stage.ts';
import { SavedModelSchema } from '../stage.ts';
import { makeContractSeries, makeSeries } from './contract-series.ts';

/** One contract check: a name and a function that throws when the implementation breaks the contract. */
export interface ContractCheck {
  name: string;
  run: () => Promise<void>;
}

/** Options for {@link baselineContract}. */
export interface BaselineContractOptions {
  /** Parameters to create the estimator with. Default `{}`. */
  params?: unknown;
  /** Parameters that must be rejected with INVALID_CONFIG. Default `{ no_such_param: true }` is not assumed; pass one. */
  invalidParams?: unknown;
  /** Points of history shorter than the model accepts, to check its InsufficientHistory error. */
  tooShort?: number;
  /** Horizon to predict. Default 48. */
  horizon?: number;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`contract: ${message}`);
}

/**
 * The checks every baseline, built-in or third-party, must pass. Framework-agnostic: wire each
 * into your runner, e.g. `for (const c of baselineContract(plugin)) it(c.name, c.run)`.
 */
export function baselineContract(
  plugin: BaselinePlugin,
  options: BaselineContractOptions = {},
): ContractCheck[] {
  const { params = {}, horizon = 48 } = options;
  // A fresh series for every fit, so one check's misbehaviour cannot leak into another.
  const fit = () => plugin.create(params).fit({ series: makeContractSeries() });
  const series = makeContractSeries();
  const checks: ContractCheck[] = [
    {
      name: `${plugin.name}: declares itself a baseline`,
      run: async () => {
        check(plugin.stage === 'baseline', `stage is ${plugin.stage}`);
        const estimator = plugin.create(params);
        check(
          estimator.stage === 'baseline' && estimator.name === plugin.name,
          'estimator stage/name differ from the plug-in',
        );
      },
    },
    {
      name: `${plugin.name}: predicts the horizon on the series' step, finite and non-negative`,
      run: async () => {
        const fitted = await fit();
        check(fitted.stage === 'baseline', 'fitted stage is not baseline');
        const forecast = fitted.predict({ horizon });
        check(forecast.point.length === horizon, `expected ${horizon} points, got ${forecast.point.length}`);
        check(forecast.timestamps.length === horizon, 'timestamps and points differ in length');
        const last = series.timestamps[series.timestamps.length - 1]!;
        for (let i = 0; i < horizon; i++) {
          check(forecast.timestamps[i] === last + (i + 1) * series.stepMs, `timestamp ${i} is off the step`);
          const v = forecast.point[i]!;
          check(Number.isFinite(v) && v >= 0, `point ${i} is ${v}`);
        }
      },
    },
    {
      name: `${plugin.name}: in-sample fit covers the history`,
      run: async () => {
        const fitted = await fit();
        const inSample = fitted.inSample();
        check(inSample.point.length === series.values.length, 'in-sample length differs from the history');
      },
    },
    {
      name: `${plugin.name}: fit leaves its input untouched and is deterministic`,
      run: async () => {
        const input = makeContractSeries();
        const before = Float64Array.from(input.values);
        const a = await plugin.create(params).fit({ series: input });
        const b = await fit();
        check(
          input.values.every((v, i) => v === before[i]),
          'fit mutated the series',
        );
        const pa = a.predict({ horizon });
        const pb = b.predict({ horizon });
        check(
          pa.point.every((v, i) => v === pb.point[i]),
          'two fits of the same input predict differently',
        );
      },
    },
    {
      name: `${plugin.name}: saves to JSON and predicts identically after load`,
      run: async () => {
        const fitted: FittedBaseline = await fit();
        const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
        const parsed = SavedModelSchema.safeParse(saved);
        check(parsed.success, 'toJSON() is not a valid SavedModel');
        check(saved.name === plugin.name && saved.stage === 'baseline', 'saved model names another stage');
        const restored = plugin.load(saved);
        const a = fitted.predict({ horizon });
        const b = restored.predict({ horizon });
        check(
          a.point.every((v, i) => v === b.point[i]),
          'restored model predicts differently',
        );
      },
    },
  ];
  if (options.invalidParams !== undefined) {
    checks.push({
      name: `${plugin.name}: rejects invalid parameters with INVALID_CONFIG`,
      run: async () => {
        try {
          plugin.create(options.invalidParams);
        } catch (error) {
          check(
            CdfError.isInstance(error) && error.code === CdfErrorCode.InvalidConfig,
            `threw ${String(error)}`,
          );
          return;
        }
        throw new Error('contract: invalid parameters were accepted');
      },
    });
  }
  if (options.tooShort !== undefined) {
    const short = options.tooShort;
    checks.push({
      name: `${plugin.name}: refuses ${short} points with INSUFFICIENT_HISTORY`,
      run: async () => {
        try {
          await plugin.create(params).fit({ series: makeSeries(series.values.subarray(0, short)) });
        } catch (error) {
          check(
            CdfError.isInstance(error) && error.code === CdfErrorCode.InsufficientHistory,
            `threw ${String(error)}`,
          );
          return;
        }
        throw new Error(`contract: fitted on ${short} points instead of refusing`);
      },
    });
  }
  return checks;
}
