import type { RunJob } from '@flowyard/db';

export type { RunJob };

/**
 * Where admitted runs wait for a process to execute them.
 * - `inline` (SQLite, role `all`): the process that admits a run executes it at once, as Flowyard
 *   always did; nothing waits anywhere and nothing is taken over.
 * - `shared` (PostgreSQL): a run is admitted with a job in the same transaction as its row (the
 *   store's RunAdmission), and any worker consuming the queue executes it. Flowyard, not the
 *   queue, owns attempts: a job is tried once; a run whose worker stopped is re-admitted as its
 *   next attempt.
 */
export interface RunQueue {
  readonly mode: 'inline' | 'shared';
  /** Adds jobs outside a batch of run records (a batch admits through the store, in its transaction). */
  enqueue(jobs: readonly RunJob[]): Promise<void>;
  /**
   * Starts handing jobs to `execute`, up to `concurrency` at once; `execute` resolves when the run
   * is over or handed back, and must not reject (a job is never retried by the queue).
   */
  consume(concurrency: number, execute: (job: RunJob) => Promise<void>): Promise<RunConsumer>;
  /**
   * Runs whose lease lapsed before `now` (epoch ms) are admitted again as their next attempt, their
   * lease cleared, in one transaction; how many. One instance at a time does it.
   */
  readmitLapsed(now: number): Promise<number>;
  /** Runs `owner` leases among `runIds` go back to the queue as their next attempt, lease released; how many. */
  handBack(owner: string, runIds: readonly string[]): Promise<number>;
  /** Stops every consumer and lets go of the queue's connections (not the store's). */
  close(): Promise<void>;
}

export interface RunConsumer {
  /** Stops taking jobs; resolves once every job taken has been handled. */
  stop(): Promise<void>;
}
