import type { NamedLocks } from './named-locks';
import type { Repos, UnitRepos } from './repos';
import type { RunChanges, RunInsertRow, RunStepRow } from './tables';

/** Which database a store runs on: for logs and metrics only, never to branch on. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The server's storage, whichever database holds it: the only way services reach their data
 * (openStore makes one; nothing else knows the dialect).
 */
export interface Store {
  /** Reads, and single writes that need no unit of work (each atomic on its own). */
  readonly repos: Repos;
  /**
   * Runs `work` as one unit of work:
   * - units run one at a time across every process that shares the database;
   * - reads inside a unit see committed data;
   * - writes made through `tx.repos` take effect when the unit commits (SQLite: collected and run
   *   as one batch; PostgreSQL: run in the unit's transaction as they come), so a unit must not
   *   rely on reading what it wrote;
   * - a unit that throws writes nothing, and the store rejects with what it threw;
   * - `afterCommit` callbacks run in order once the commit succeeded.
   */
  unitOfWork<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T>;
  /** Where run and step records go, a batch at a time. */
  readonly runRecords: RunRecordSink;
  /** Write counters per table, for caches of rows read often (see WriteGenerations). */
  readonly generations: WriteGenerations;
  /** Locks by name across every process on the database (see NamedLocks). */
  readonly locks: NamedLocks;
  readonly dialect: Dialect;
  /** Closes the connections once what is under way has finished. */
  close(): Promise<void>;
}

export interface UnitOfWork {
  readonly repos: UnitRepos;
  /**
   * Runs `fn` after the unit committed (never when it failed). A callback that throws does not
   * undo the commit: the others still run, and the unit rejects with the error afterwards.
   */
  afterCommit(fn: () => void): void;
}

/** One batch of run records, written in one transaction: new runs, then steps, then changes to older runs. */
export interface RunRecordBatch {
  /** Runs first written by this batch, as they are now. */
  runs: readonly RunInsertRow[];
  /** Step rows, inserted or replacing the stored row (all but the run it belongs to). */
  steps: readonly RunStepRow[];
  /** Changes to runs written by earlier batches. */
  runUpdates: readonly { id: string; set: RunChanges }[];
  /**
   * Runs this batch hands to the shared job queue, in its transaction, so a run acknowledged is a
   * run some worker will execute (PostgreSQL with a RunAdmission; SQLite executes in process).
   */
  admit?: readonly RunJob[];
  /** Told to every instance once the batch commits (PostgreSQL: NOTIFY on `flowyard_runs`; SQLite: one process, nothing to tell). */
  notices?: readonly RunNotice[];
}

/** One execution of a run: the attempt a worker is to make. */
export interface RunJob {
  runId: string;
  attempt: number;
}

/**
 * That a run's records moved: `seq` grows with every batch the instance `from` wrote for it. Only
 * this, never the records, crosses the notification channel (payloads are capped at 8 kB and not
 * replayed): listeners read what changed from the records. `flowId` spares a read for runs of
 * flows nobody watches.
 */
export interface RunNotice {
  runId: string;
  flowId: string;
  seq: number;
  from: string;
}

/**
 * The SQL expression that hands `jobs` to a job queue inside a statement (PostgreSQL), given a
 * way to bind parameters; its value is ignored. The queue adapter provides it, so the store knows
 * no queue library.
 */
export type RunAdmission = (jobs: readonly RunJob[], param: (value: unknown) => string) => string;

export interface RunRecordSink {
  /** Resolves once the batch is committed; rejects when it failed, and then nothing of it was written. */
  write(batch: RunRecordBatch): Promise<void>;
}

/**
 * Per-table write counters for in-memory caches: a cache entry stamped with its tables'
 * generations is current exactly while they have not moved. A table's generation moves after
 * every write that can change its rows (by a cascade too), whether this process made it or, on
 * PostgreSQL, another process sharing the database did.
 */
export interface WriteGenerations {
  /** The current generation of `table` (its SQL name). */
  of(table: string): number;
}
