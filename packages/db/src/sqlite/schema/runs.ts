import type { HttpExchange, Json, LogLine, RunStatus, RunTriggerType, StepError, StepStatus } from '@flowyard/engine';
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { flows } from './flows';
import { users } from './users';

export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    flowVersion: integer('flow_version').notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    triggerType: text('trigger_type').$type<RunTriggerType>().notNull(),
    triggerNodeId: text('trigger_node_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    payload: text('payload', { mode: 'json' }).$type<Json>().notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    durationMs: real('duration_ms'),
    error: text('error', { mode: 'json' }).$type<StepError>(),
    /** 1, then one more each time a worker takes the run over after the one running it stopped. */
    attempt: integer('attempt').notNull().default(1),
    /** The instance executing the run while it holds the lease (PostgreSQL queue mode; SQLite leaves it null). */
    leaseOwner: text('lease_owner'),
    /** Epoch ms until which the lease holds; renewed by heartbeats, and once it lapses another worker takes the run over. */
    leaseUntil: integer('lease_until'),
  },
  (t) => [
    // The Activity panel's keyset order (newest first, ties by id) and retention's per-flow pruning.
    index('runs_flow_started_id_idx').on(t.flowId, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    // Only runs in flight are indexed by status (for marking them interrupted after a restart), so
    // finished runs cost the index nothing and it stays a page or two.
    index('runs_running_idx').on(t.status).where(sql`${t.status} = 'running'`),
  ],
);

export const runSteps = sqliteTable(
  'run_steps',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    stepType: text('step_type').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<StepStatus>().notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    durationMs: real('duration_ms'),
    inputs: text('inputs', { mode: 'json' }).$type<{ [key: string]: Json }>().notNull(),
    outputs: text('outputs', { mode: 'json' }).$type<{ [key: string]: Json }>(),
    exchanges: text('exchanges', { mode: 'json' }).$type<HttpExchange[]>().notNull(),
    logs: text('logs', { mode: 'json' }).$type<LogLine[]>().notNull(),
    error: text('error', { mode: 'json' }).$type<StepError>(),
    /** The run attempt that wrote this record. */
    attempt: integer('attempt').notNull().default(1),
    /** The handle a succeeded branching step chose: a resumed run routes by it without running the step again. */
    nextHandle: text('next_handle'),
  },
  (t) => [index('run_steps_run_idx').on(t.runId), index('run_steps_running_idx').on(t.status).where(sql`${t.status} = 'running'`)],
);

export type RunRow = typeof runs.$inferSelect;
export type RunStepRow = typeof runSteps.$inferSelect;
