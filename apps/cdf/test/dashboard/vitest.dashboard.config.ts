import shared from '../../../../tooling/vitest.shared.ts';

// The dashboard tests on their own, without the app's CLI build step:
// `pnpm exec vitest run --config test/dashboard/vitest.dashboard.config.ts test/dashboard src/dashboard`.
export default shared;
