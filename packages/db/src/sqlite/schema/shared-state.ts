import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { endpoints } from './endpoints';
import { users } from './users';

// State that every instance of the server must see the same (issue 12): kept in the database,
// never in one process's memory, so any web instance or worker sharing the database agrees.

/**
 * The built-in endpoint's per-run credentials (`fyr_…`): only the SHA-256 of each, bound to the
 * user the run acts as and to the run; deleted when the run ends, refused after `expires_at`.
 */
export const runCredentials = sqliteTable(
  'run_credentials',
  {
    /** SHA-256 (hex) of the credential; credentials are high-entropy, so no slow hash is needed. */
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

/**
 * Access tokens obtained for endpoints (OAuth2, Salesforce, Remedy, Graph), shared by every
 * process so one token serves them all for its lifetime. The token is stored encrypted.
 */
export const endpointTokens = sqliteTable(
  'endpoint_tokens',
  {
    /** The engine's token key: endpoint id plus a fingerprint of what the token depends on. */
    cacheKey: text('cache_key').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    /** The token (value, expiry, instance URL, refresh token) as JSON, AES-256-GCM encrypted by the server. */
    sealed: text('sealed').notNull(),
    /** SHA-256 (hex) of the token's value: a 401 discards the stored token only if it is still the one rejected. */
    valueHash: text('value_hash').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('endpoint_tokens_endpoint_idx').on(t.endpointId)],
);

/** Failed sign-ins per client address and per account and address (auth/sign-in-limiter.ts). */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  (t) => [index('sign_in_failures_last_idx').on(t.lastFailureAt)],
);

export type RunCredentialRow = typeof runCredentials.$inferSelect;
export type EndpointTokenRow = typeof endpointTokens.$inferSelect;
export type SignInFailureRow = typeof signInFailures.$inferSelect;
