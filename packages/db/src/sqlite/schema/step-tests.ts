import type { StepRecord, UpstreamSource } from '@flowyard/engine';
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { flows } from './flows';
import { users } from './users';

/**
 * "Test step" results: one step run on its own, recorded as a test (not a run of the flow); the
 * newest few per step are kept. `record` is the step's record, scrubbed like a run's.
 */
export const stepTests = sqliteTable(
  'step_tests',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedAt: text('started_at').notNull(),
    /** Where each upstream step's outputs came from (pin, the last run, or none), by step name. */
    upstream: text('upstream', { mode: 'json' }).$type<Record<string, UpstreamSource>>().notNull(),
    record: text('record', { mode: 'json' }).$type<StepRecord>().notNull(),
  },
  (t) => [index('step_tests_flow_node_started_idx').on(t.flowId, t.nodeId, sql`${t.startedAt} desc`)],
);

export type StepTestRow = typeof stepTests.$inferSelect;
