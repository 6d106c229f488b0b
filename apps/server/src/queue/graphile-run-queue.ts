import type { RunAdmission } from '@flowyard/db';
import { advisoryLockKey, withAdvisoryLock, type PgStore, type WithPgClient } from '@flowyard/db/pg';
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
type Pool = PgStore['pool'];
import { z } from 'zod';
import { log } from '../log';
import type { RunConsumer, RunJob, RunQueue } from './run-queue';

// The one file that knows graphile-worker (DESIGN-NOTES): its schema, its task and its SQL.

/** graphile-worker's task that executes one attempt of a run. */
const task = 'run';

const jobPayload = z.object({ runId: z.string().min(1).max(100), attempt: z.number().int().min(1).max(1_000) });

/**
 * One job per attempt: the key `runId#attempt` makes admitting an attempt twice one job, and a
 * job is tried once (Flowyard counts attempts and takes runs over itself; graphile's default of 25
 * tries and 4 h locks are wrong for runs).
 */
const addJob = (runId: string, attempt: string): string =>
  `graphile_worker.add_job('${task}', json_build_object('runId', ${runId}, 'attempt', ${attempt}), job_key := ${runId} || '#' || ${attempt}, max_attempts := 1)`;

/** Admission inside a batch of run records (the store's RunAdmission): one job per run, committed with its row. */
export const graphileRunAdmission: RunAdmission = (jobs, param) =>
  `${addJob('j.run_id', 'j.attempt')} FROM unnest(${param(jobs.map((job) => job.runId))}::text[], ${param(jobs.map((job) => job.attempt))}::int[]) AS j(run_id, attempt)`;

// Runs back in the queue as their next attempt, lease released: one statement, so a run is
// re-admitted with its job or not at all.
const nextAttempt = (taken: string): string => `, again AS (
  UPDATE runs AS r SET attempt = r.attempt + 1, lease_owner = NULL, lease_until = NULL FROM ${taken} AS t WHERE r.id = t.id RETURNING r.id, r.attempt
) SELECT count(${addJob('again.id', 'again.attempt')})::int AS n FROM again`;

const readmitLapsedSql = `WITH lock AS (SELECT pg_try_advisory_xact_lock($1::int4, $2::int4) AS held),
lapsed AS (
  SELECT r.id FROM runs AS r, lock WHERE lock.held AND r.status = 'running' AND r.lease_until < $3
  ORDER BY r.lease_until LIMIT 1000 FOR UPDATE OF r SKIP LOCKED
)${nextAttempt('lapsed')}`;

const handBackSql = `WITH back AS (
  SELECT id FROM runs WHERE id = ANY($1::text[]) AND lease_owner = $2 AND status = 'running' FOR UPDATE
)${nextAttempt('back')}`;

export interface GraphileRunQueueOptions {
  /** The store's pool: jobs are written with the same connections as the records. */
  pool: Pool;
  withPgClient: WithPgClient;
  /** How often an idle consumer looks for jobs it was not woken for (default 2 s; LISTEN wakes it at once). */
  pollIntervalMs?: number;
  /** How long a consumer stopping waits for jobs in flight before graphile gives up on them (default 60 s). */
  shutdownTimeoutMs?: number;
}

// graphile-worker's own lines go to Flowyard's log, errors and warnings only.
const logger = new Logger(() => (level, message) => {
  if (level === 'error') log.error(`[queue] ${message}`);
  else if (level === 'warning') log.warn(`[queue] ${message}`);
});

/**
 * The run queue on PostgreSQL, with graphile-worker (LISTEN/NOTIFY wake-up, SKIP LOCKED). Its
 * schema is installed once, under Flowyard's migration lock, before the queue is handed out.
 */
export async function createGraphileRunQueue(options: GraphileRunQueueOptions): Promise<RunQueue> {
  const { pool } = options;
  await options.withPgClient((client) => withAdvisoryLock(client, 'migrate', () => runMigrations({ pgPool: pool, logger })));
  const runners = new Set<Runner>();

  const count = async (text: string, values: unknown[]): Promise<number> => {
    const result = await pool.query<{ n: number }>(text, values);
    return result.rows[0]?.n ?? 0;
  };

  return {
    mode: 'shared',
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      const values: unknown[] = [];
      const param = (value: unknown): string => `$${values.push(value)}`;
      await pool.query(`SELECT ${graphileRunAdmission(jobs, param)}`, values);
    },
    async consume(concurrency, execute): Promise<RunConsumer> {
      const runner = await run({
        pgPool: pool,
        concurrency,
        noHandleSignals: true,
        pollInterval: options.pollIntervalMs ?? 2000,
        logger,
        parsedCronItems: [],
        preset: { worker: { gracefulShutdownAbortTimeout: options.shutdownTimeoutMs ?? 60_000 } },
        taskList: {
          [task]: async (payload) => {
            const job = jobPayload.safeParse(payload);
            // A job that is not Flowyard's shape cannot be run; it fails once and stays failed.
            if (!job.success) throw new Error(`A run job was malformed: ${job.error.message}`);
            await execute(job.data);
          },
        },
      });
      runners.add(runner);
      return {
        async stop() {
          if (!runners.delete(runner)) return;
          await runner.stop();
        },
      };
    },
    readmitLapsed: (now) => count(readmitLapsedSql, [...advisoryLockKey('leaseReaper'), now]),
    handBack: (owner, runIds) => (runIds.length === 0 ? Promise.resolve(0) : count(handBackSql, [runIds, owner])),
    async close() {
      const stopping = [...runners].map((runner) => runner.stop());
      runners.clear();
      await Promise.all(stopping);
    },
  };
}

export type { RunJob };
