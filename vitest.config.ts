import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/test-templates.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: each worker holds a WASM PostgreSQL of its own.
    maxWorkers: 2,
    pool: 'forks',
  },
});
