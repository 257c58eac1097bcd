import { mergeConfig } from 'vitest/config';
import shared from '../../tooling/vitest.shared.ts';

// The end-to-end test spawns the built CLI: build it first when it is missing or stale.
export default mergeConfig(shared, { test: { globalSetup: ['test/build-cli.global-setup.ts'] } });
