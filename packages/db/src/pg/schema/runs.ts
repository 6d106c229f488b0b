import type { HttpExchange, Json, LogLine, RunOrigin, RunStatus, RunTriggerType, StepError, StepStatus, StepTry } from '@flowyard/engine';
import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, json, pgTable, text } from 'drizzle-orm/pg-core';
import { flows } from './flows';
import { users } from './users';

/** PostgreSQL twin of `sqlite/schema/runs.ts` (see the comments there). */
export const runs = pgTable(
  'runs',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    triggerType: text('trigger_type').$type<RunTriggerType>().notNull(),
    triggerNodeId: text('trigger_node_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    payload: json('payload').$type<Json>().notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    durationMs: doublePrecision('duration_ms'),
    error: json('error').$type<StepError>(),
    rerunOf: text('rerun_of'),
    rerunFromNodeId: text('rerun_from_node_id'),
    attempt: integer('attempt').notNull().default(1),
    leaseOwner: text('lease_owner'),
    leaseUntil: bigint('lease_until', { mode: 'number' }),
    origin: json('origin').$type<RunOrigin>(),
  },
  (t) => [
    // NULLS FIRST is PostgreSQL's default for DESC, so `ORDER BY started_at DESC, id DESC` (what
    // drizzle's desc() writes) is read straight off the index; drizzle-kit would otherwise write
    // DESC NULLS LAST, an order no such query asks for, and the Activity panel would sort.
    index('runs_flow_started_id_idx').on(t.flowId, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_flow_status_started_idx').on(t.flowId, t.status, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_flow_trigger_started_idx').on(t.flowId, t.triggerType, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_flow_user_started_idx').on(t.flowId, t.userId, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_workflow_started_idx').on(t.workflowId, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_workflow_status_started_idx').on(t.workflowId, t.status, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_workflow_trigger_started_idx').on(t.workflowId, t.triggerType, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_workflow_user_started_idx').on(t.workflowId, t.userId, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('runs_rerun_of_idx').on(t.rerunOf).where(sql`${t.rerunOf} is not null`),
    index('runs_running_idx').on(t.status).where(sql`${t.status} = 'running'`),
  ],
);

export const runSteps = pgTable(
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
    durationMs: doublePrecision('duration_ms'),
    inputs: json('inputs').$type<{ [key: string]: Json }>().notNull(),
    outputs: json('outputs').$type<{ [key: string]: Json }>(),
    exchanges: json('exchanges').$type<HttpExchange[]>().notNull(),
    logs: json('logs').$type<LogLine[]>().notNull(),
    error: json('error').$type<StepError>(),
    pinned: boolean('pinned').notNull().default(false),
    tries: json('tries').$type<StepTry[]>(),
    replayedFrom: text('replayed_from'),
    attempt: integer('attempt').notNull().default(1),
    nextHandle: text('next_handle'),
  },
  (t) => [index('run_steps_run_idx').on(t.runId), index('run_steps_running_idx').on(t.status).where(sql`${t.status} = 'running'`)],
);
