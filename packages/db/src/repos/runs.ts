import type { RunStatus, RunTriggerType, StepError } from '@flowyard/engine';
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RunRow, RunStepRow, UserRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** Keyset position in a flow's newest-first run list: the last run seen. */
export interface RunPosition {
  startedAt: string;
  id: string;
}

/** Who a run acted as. */
export type ActedAs = Pick<UserRow, 'id' | 'name' | 'email'>;

/** A run as lists show it: every column but the payload, and who it acted as. */
export interface RunListRow {
  run: Omit<RunRow, 'payload'>;
  actedAs: ActedAs;
}

/**
 * Which runs a list shows: those of one flow, or of every flow of a workflow (the Activity page),
 * narrowed by any of status, how they were started, the user they acted as and a range of start
 * times (`startedFrom` inclusive, `startedBefore` exclusive, ISO). Each combination reads one index
 * in list order (see the runs schema and run-list-plan.test.ts).
 */
export type RunListFilter = ({ flowId: string; workflowId?: undefined } | { workflowId: string; flowId?: undefined }) & {
  status?: RunStatus | undefined;
  trigger?: RunTriggerType | undefined;
  userId?: string | undefined;
  startedFrom?: string | undefined;
  startedBefore?: string | undefined;
};

/** A re-run as the past run's record links to it. */
export interface RerunLink {
  id: string;
  status: RunStatus;
  startedAt: string;
  fromNodeId: string | null;
}

/** Which finished runs of a flow pruning deletes: those started before a time, or those at or past a position. */
export type PruneCut = { startedBefore: string } | { atOrOlderThan: RunPosition };

/** The WHERE terms of a run list: the scope's equality first, then the filters. */
function runListWhere(runs: QueryContext['t']['runs'], filter: RunListFilter): SQL | undefined {
  return and(
    filter.flowId !== undefined ? eq(runs.flowId, filter.flowId) : eq(runs.workflowId, filter.workflowId),
    filter.status === undefined ? undefined : eq(runs.status, filter.status),
    filter.trigger === undefined ? undefined : eq(runs.triggerType, filter.trigger),
    filter.userId === undefined ? undefined : eq(runs.userId, filter.userId),
    filter.startedFrom === undefined ? undefined : gte(runs.startedAt, filter.startedFrom),
    filter.startedBefore === undefined ? undefined : lt(runs.startedAt, filter.startedBefore),
  );
}

/**
 * One page of a run list, newest first, after `after`: keyset paging down an index that starts
 * with the scope and the filter (then started_at desc, id desc), so a page costs the same at any
 * depth (exported for the query-plan tests).
 */
export function runListQuery({ orm, t }: Pick<QueryContext, 'orm' | 't'>, filter: RunListFilter, limit: number, after: RunPosition | undefined) {
  const { runs, users } = t;
  const { payload: _payload, ...summaryColumns } = getTableColumns(runs);
  return orm
    .select({ run: summaryColumns, actedAs: { id: users.id, name: users.name, email: users.email } })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(and(runListWhere(runs, filter), after && sql`(${runs.startedAt}, ${runs.id}) < (${after.startedAt}, ${after.id})`))
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(limit);
}

/** How many runs a list holds in all (its header), counted on the same index as its pages (exported for the query-plan tests). */
export function runCountQuery({ orm, t }: Pick<QueryContext, 'orm' | 't'>, filter: RunListFilter) {
  return orm
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(t.runs)
    .where(runListWhere(t.runs, filter));
}

/**
 * Run and step records as they are read (the run record sink writes them), marked interrupted,
 * and pruned.
 */
export function runsRepo(context: QueryContext) {
  const { orm, t, returning } = context;
  const { runs, runSteps, users } = t;
  // A literal 'running' (not a bound value) lets SQLite use the partial indexes of runs in flight.
  const runRunning = sql`${runs.status} = 'running'`;
  return {
    /** At most `limit` runs the filter selects, newest first (ties by id, larger first), after `after`. */
    list: async (filter: RunListFilter, limit: number, after?: RunPosition): Promise<RunListRow[]> => runListQuery(context, filter, limit, after),

    /** How many runs the filter selects. */
    count: async (filter: RunListFilter): Promise<number> => (await first(runCountQuery(context, filter)))?.count ?? 0,

    /** The latest re-runs of a run (at most `limit`), newest first. */
    reruns: (runId: string, limit: number): Promise<RerunLink[]> =>
      orm
        .select({ id: runs.id, status: runs.status, startedAt: runs.startedAt, fromNodeId: runs.rerunFromNodeId })
        .from(runs)
        .where(eq(runs.rerunOf, runId))
        .orderBy(desc(runs.startedAt), desc(runs.id))
        .limit(limit),

    /**
     * Each flow's newest run (status, start, end), by flow id: two statements whatever the number
     * of flows, the first probing the (flow_id, started_at desc, id desc) index once per flow.
     */
    async latestByFlow(flowIds: readonly string[]): Promise<Map<string, Pick<RunRow, 'status' | 'startedAt' | 'finishedAt'>>> {
      if (flowIds.length === 0) return new Map();
      const { flows } = t;
      const newest = await orm
        .select({
          flowId: flows.id,
          // Spelled out: drizzle leaves columns of a select list unqualified, which the subquery would misread.
          runId: sql<string | null>`(select last_run.id from runs last_run where last_run.flow_id = flows.id order by last_run.started_at desc, last_run.id desc limit 1)`,
        })
        .from(flows)
        .where(inArray(flows.id, [...flowIds]));
      const runIds = newest.flatMap((row) => (row.runId === null ? [] : [row.runId]));
      if (runIds.length === 0) return new Map();
      const rows = await orm.select({ flowId: runs.flowId, status: runs.status, startedAt: runs.startedAt, finishedAt: runs.finishedAt }).from(runs).where(inArray(runs.id, runIds));
      return new Map(rows.map(({ flowId, ...run }) => [flowId, run]));
    },

    /** The run, who it acted as, and its steps by start time, then id. */
    async get(runId: string): Promise<{ run: RunRow; actedAs: ActedAs; steps: RunStepRow[] } | undefined> {
      const row = await first(
        orm.select({ run: runs, actedAs: { id: users.id, name: users.name, email: users.email } }).from(runs).innerJoin(users, eq(users.id, runs.userId)).where(eq(runs.id, runId)),
      );
      if (!row) return undefined;
      const steps = await orm.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
      return { ...row, steps };
    },

    /**
     * Outside a unit of work: marks what is left running (all of it, or one run's) as interrupted
     * with `error` (SPEC §6), runs and steps together; how many runs.
     */
    async markInterrupted(at: string, error: StepError, runId?: string): Promise<number> {
      const stepRunning = sql`${runSteps.status} = 'running'`;
      const runFilter = runId === undefined ? runRunning : and(runRunning, eq(runs.id, runId));
      const stepFilter = runId === undefined ? stepRunning : and(stepRunning, eq(runSteps.runId, runId));
      const changed = await returning((o) => [
        o.update(runs).set({ status: 'interrupted', finishedAt: at, error }).where(runFilter).returning({ id: runs.id }),
        o.update(runSteps).set({ status: 'interrupted', finishedAt: at, error }).where(stepFilter),
      ]);
      return changed.length;
    },

    /**
     * Outside a unit of work: takes the lease of a run's attempt for `owner` until `until` (epoch
     * ms) if the run is still running at that attempt and nobody holds a lease that holds at `now`;
     * whether it was taken.
     */
    async claimLease(runId: string, attempt: number, owner: string, until: number, now: number): Promise<boolean> {
      const free = or(isNull(runs.leaseOwner), lt(runs.leaseUntil, now), eq(runs.leaseOwner, owner));
      const taken = await returning((o) => [
        o
          .update(runs)
          .set({ leaseOwner: owner, leaseUntil: until })
          .where(and(eq(runs.id, runId), eq(runs.attempt, attempt), runRunning, free))
          .returning({ id: runs.id }),
      ]);
      return taken.length > 0;
    },

    /** Outside a unit of work: moves every lease `owner` holds on a running run to `until`; the runs it still holds. */
    async renewLeases(owner: string, until: number): Promise<string[]> {
      const renewed = await returning((o) => [o.update(runs).set({ leaseUntil: until }).where(and(eq(runs.leaseOwner, owner), runRunning)).returning({ id: runs.id })]);
      return renewed.map((row) => row.id);
    },

    /** The position of the flow's run `offset` places from the newest (0: the newest), if it has that many. */
    positionAt: (flowId: string, offset: number): Promise<RunPosition | undefined> =>
      first(orm.select({ startedAt: runs.startedAt, id: runs.id }).from(runs).where(eq(runs.flowId, flowId)).orderBy(desc(runs.startedAt), desc(runs.id)).limit(1).offset(offset)),

    /**
     * Outside a unit of work: deletes at most `limit` finished runs of the flow past `cut`, oldest
     * first, with their steps (cascade); how many.
     */
    async deleteFinished(flowId: string, cut: PruneCut, limit: number): Promise<number> {
      const past: SQL =
        'startedBefore' in cut ? sql`${runs.startedAt} < ${cut.startedBefore}` : sql`(${runs.startedAt}, ${runs.id}) <= (${cut.atOrOlderThan.startedAt}, ${cut.atOrOlderThan.id})`;
      const deleted = await returning((o) => [
        o
          .delete(runs)
          .where(
            inArray(
              runs.id,
              o
                .select({ id: runs.id })
                .from(runs)
                .where(and(eq(runs.flowId, flowId), past, sql`${runs.status} != 'running'`))
                .orderBy(asc(runs.startedAt), asc(runs.id))
                .limit(limit),
            ),
          )
          .returning({ id: runs.id }),
      ]);
      return deleted.length;
    },
  };
}
