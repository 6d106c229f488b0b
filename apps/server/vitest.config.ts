import { defineConfig } from 'vitest/config';

// Tests that are about SQLite itself: its files (WAL, modes, what a kill -9 leaves on disk).
const sqliteOnly = ['src/canary.test.ts', 'src/canary-auth-types.test.ts', 'src/canary-echo.test.ts', 'src/persistence/acknowledged-durability.test.ts'];

// Many processes on PostgreSQL (issue 12): vitest.scale.config.ts runs them, `pnpm test:scale`.
const multiProcess = ['src/scale/**'];

// The server's tests run twice: on SQLite (as `pnpm start` runs) and on PostgreSQL (a database
// per test app, see @flowyard/db/testing). `--project sqlite` or `--project postgres` picks one.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'sqlite', env: { FLOWYARD_TEST_DB: 'sqlite' }, exclude: ['**/node_modules/**', ...multiProcess] } },
      {
        extends: true,
        test: { name: 'postgres', env: { FLOWYARD_TEST_DB: 'postgres' }, exclude: ['**/node_modules/**', ...sqliteOnly, ...multiProcess], setupFiles: ['./src/testing/pg-setup.ts'] },
      },
    ],
  },
});
