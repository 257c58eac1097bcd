/**
 * `@cdf/core/testing`: the contract test kit every stage implementation runs, and helpers to
 * build valid inputs in tests.
 */
export { type BaselineContractOptions, baselineContract, type ContractCheck } from './contract.ts';
export { type MakeSeriesOptions, makeContractSeries, makeSeries } from './contract-series.ts';
