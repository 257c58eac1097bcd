import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../tooling/vitest.shared.ts';

// The worker-thread tests need the built worker entry: test/build-worker.ts builds it first.
export default mergeConfig(shared, defineConfig({ test: { globalSetup: ['test/build-worker.ts'] } }));
