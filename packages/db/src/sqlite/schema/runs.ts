import type { HttpExchange, Json, LogLine, RunOrigin, RunStatus, RunTriggerType, StepError, StepStatus, StepTry } from '@flowyard/engine';
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
    // The flow's workflow, copied so the Activity page lists a workflow's runs from an index of its own.
    workflowId: text('workflow_id').notNull(),
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
    // A re-run: the past run it re-runs (no foreign key: retention may delete that one first) and the step it started from.
    rerunOf: text('rerun_of'),
    rerunFromNodeId: text('rerun_from_node_id'),
    /** 1, then one more each time a worker takes the run over after the one running it stopped. */
    attempt: integer('attempt').notNull().default(1),
    /** The instance executing the run while it holds the lease (PostgreSQL queue mode; SQLite leaves it null). */
    leaseOwner: text('lease_owner'),
    /** Epoch ms until which the lease holds; renewed by heartbeats, and once it lapses another worker takes the run over. */
    leaseUntil: integer('lease_until'),
    /** Started by an integration's flows.start: the integration and the chain of integrations that led here (the outbound loop guard). */
    origin: text('origin', { mode: 'json' }).$type<RunOrigin>(),
  },
  (t) => [
    // The Activity panel's keyset order (newest first, ties by id) and retention's per-flow pruning.
    index('runs_flow_started_id_idx').on(t.flowId, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    // Each filter of the run lists (by flow, or by workflow on the Activity page) reads one index in
    // list order: the scope, the filter's column, then started_at (time ranges seek on it) and id.
    // A second filter is checked while walking the first one's index (see run-list-plan.test.ts).
    index('runs_flow_status_started_idx').on(t.flowId, t.status, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_flow_trigger_started_idx').on(t.flowId, t.triggerType, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_flow_user_started_idx').on(t.flowId, t.userId, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_workflow_started_idx').on(t.workflowId, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_workflow_status_started_idx').on(t.workflowId, t.status, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_workflow_trigger_started_idx').on(t.workflowId, t.triggerType, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    index('runs_workflow_user_started_idx').on(t.workflowId, t.userId, sql`${t.startedAt} desc`, sql`${t.id} desc`),
    // A run's re-runs, for the link back from the past run.
    index('runs_rerun_of_idx').on(t.rerunOf).where(sql`${t.rerunOf} is not null`),
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
    /** A manual run took the step's pinned outputs instead of running it. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    /** Each try of a step whose onFailure retries it; null for a step that does not. */
    tries: text('tries', { mode: 'json' }).$type<StepTry[]>(),
    // The past run a re-run from a later step took this step's outputs from, without executing it.
    replayedFrom: text('replayed_from'),
    /** The run attempt that wrote this record. */
    attempt: integer('attempt').notNull().default(1),
    /** The handle a succeeded branching step chose: a resumed run routes by it without running the step again. */
    nextHandle: text('next_handle'),
  },
  (t) => [index('run_steps_run_idx').on(t.runId), index('run_steps_running_idx').on(t.status).where(sql`${t.status} = 'running'`)],
);

export type RunRow = typeof runs.$inferSelect;
export type RunStepRow = typeof runSteps.$inferSelect;
