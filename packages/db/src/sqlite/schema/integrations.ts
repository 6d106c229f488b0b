import type { HttpExchange, IntegrationBody, IntegrationKind, IntegrationLogEntry, IntegrationOutcome, LogLine, OutboundEvent, RunUser } from '@flowyard/engine';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { workflows } from './workflows';

/** Inbound and outbound integrations (SPEC §10): a script, with its trigger or authentication. */
export const integrations = sqliteTable(
  'integrations',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    /** Never changes after creation (also in `definition`, kept here for lookups by kind). */
    kind: text('kind').$type<IntegrationKind>().notNull(),
    name: text('name').notNull(),
    /** Names are unique per workflow, case-insensitively, enforced by the index below. */
    nameKey: text('name_key').notNull(),
    definition: text('definition', { mode: 'json' }).$type<IntegrationBody>().notNull(),
    /** URL authentication: the SHA-256 (hex) of the token in the URL; the token itself is never stored. */
    tokenHash: text('token_hash'),
    tokenCreatedAt: text('token_created_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('integrations_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);

/** Which integration's script names which endpoint literally: the integration half of the script usage index (see script_endpoint_refs). */
export const integrationEndpointRefs = sqliteTable(
  'integration_endpoint_refs',
  {
    integrationId: text('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    endpointNameKey: text('endpoint_name_key').notNull(),
    endpointName: text('endpoint_name').notNull(),
    occurrences: integer('occurrences').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.integrationId, t.endpointNameKey] }),
    index('integration_endpoint_refs_workflow_name_idx').on(t.workflowId, t.endpointNameKey),
  ],
);

/** One call of an integration (an inbound request or an outbound event): what came, what the script said and did, how it ended. */
export const integrationLog = sqliteTable(
  'integration_log',
  {
    id: text('id').primaryKey(),
    integrationId: text('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    durationMs: real('duration_ms'),
    kind: text('kind').$type<IntegrationKind>().notNull(),
    caller: text('caller', { mode: 'json' }).$type<RunUser>(),
    method: text('method'),
    event: text('event').$type<OutboundEvent>(),
    sourceRunId: text('source_run_id'),
    /** Capped at 64 KiB, credentials redacted. */
    body: text('body').notNull(),
    bodyTruncated: integer('body_truncated', { mode: 'boolean' }).notNull(),
    logs: text('logs', { mode: 'json' }).$type<LogLine[]>().notNull(),
    exchanges: text('exchanges', { mode: 'json' }).$type<HttpExchange[]>().notNull(),
    outcome: text('outcome').$type<IntegrationOutcome>().notNull(),
    status: integer('status'),
    error: text('error', { mode: 'json' }).$type<NonNullable<IntegrationLogEntry['error']>>(),
    runIds: text('run_ids', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [
    // The log's keyset order (newest first, ties by id) and retention's pruning (by age and by count, per integration).
    index('integration_log_integration_at_idx').on(t.integrationId, sql`${t.at} desc`, sql`${t.id} desc`),
  ],
);

/**
 * Each outbound integration's rate-limit window (issue 15), shared by every instance: the minute it
 * counts and the events counted in it, taken atomically, so many workers together keep one limit.
 */
export const integrationRateWindows = sqliteTable('integration_rate_windows', {
  integrationId: text('integration_id')
    .primaryKey()
    .references(() => integrations.id, { onDelete: 'cascade' }),
  /** The window's start (ISO), a whole minute. */
  windowStart: text('window_start').notNull(),
  count: integer('count').notNull(),
});

export type IntegrationRow = typeof integrations.$inferSelect;
export type IntegrationEndpointRefRow = typeof integrationEndpointRefs.$inferSelect;
export type IntegrationLogRow = typeof integrationLog.$inferSelect;
export type IntegrationRateWindowRow = typeof integrationRateWindows.$inferSelect;
