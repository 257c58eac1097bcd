/**
 * `@cdf/example-custom-baseline`: how a team ships its own cdf baseline as a package. One
 * plug-in, `weeklyProfileBaseline`, that passes @cdf/core's baseline contract and plugs into
 * `cdf forecast` through a config file.
 */
export {
  createWeeklyProfileBaseline,
  WEEKLY_PROFILE_NAME,
  weeklyProfileBaseline,
} from './weekly-profile-baseline.ts';
export {
  parseWeeklyProfileParams,
  type WeeklyProfileParams,
  WeeklyProfileParamsSchema,
} from './weekly-profile-params.ts';
