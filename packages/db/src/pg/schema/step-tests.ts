import type { StepRecord, UpstreamSource } from '@flowyard/engine';
import { sql } from 'drizzle-orm';
import { index, json, pgTable, text } from 'drizzle-orm/pg-core';
import { flows } from './flows';
import { users } from './users';

/** PostgreSQL twin of `sqlite/schema/step-tests.ts`. */
export const stepTests = pgTable(
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
    upstream: json('upstream').$type<Record<string, UpstreamSource>>().notNull(),
    record: json('record').$type<StepRecord>().notNull(),
  },
  (t) => [index('step_tests_flow_node_started_idx').on(t.flowId, t.nodeId, sql`${t.startedAt} desc`)],
);
