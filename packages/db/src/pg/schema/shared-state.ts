import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { endpoints } from './endpoints';
import { users } from './users';

/** PostgreSQL twin of `sqlite/schema/shared-state.ts` (see the comments there). */
export const runCredentials = pgTable(
  'run_credentials',
  {
    tokenHash: text('token_hash').primaryKey(),
    runId: text('run_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('run_credentials_run_idx').on(t.runId), index('run_credentials_expires_idx').on(t.expiresAt)],
);

export const endpointTokens = pgTable(
  'endpoint_tokens',
  {
    cacheKey: text('cache_key').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    sealed: text('sealed').notNull(),
    valueHash: text('value_hash').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('endpoint_tokens_endpoint_idx').on(t.endpointId)],
);

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  (t) => [index('sign_in_failures_last_idx').on(t.lastFailureAt)],
);
