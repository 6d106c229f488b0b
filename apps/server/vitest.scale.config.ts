import { defineConfig } from 'vitest/config';

// Issue 12's scale tests: Flowyard as separate processes (webs, workers) on a real PostgreSQL.
// Slower than unit tests and heavy on a shared machine, so a run of their own: `pnpm test:scale`
// (the root `pnpm test` includes it). One file at a time: each starts its own processes.
export default defineConfig({
  test: {
    include: ['src/scale/**/*.multi.test.ts'],
    fileParallelism: false,
    env: { FLOWYARD_TEST_DB: 'postgres' },
    setupFiles: ['./src/testing/pg-setup.ts'],
    testTimeout: 400_000,
    hookTimeout: 180_000,
  },
});
