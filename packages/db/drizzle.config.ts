import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @flowyard/db generate` writes a new migration after a schema change; commit it.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/sqlite/schema/index.ts',
  out: './migrations/sqlite',
});
