import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @flowyard/db generate:pg` writes a new PostgreSQL migration after a change to
// src/pg/schema (make the same change in src/sqlite/schema and run `generate`; the drift test checks).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/pg/schema/index.ts',
  out: './migrations/pg',
});
