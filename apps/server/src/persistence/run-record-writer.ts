import type { RunChanges, RunInsertRow, RunJob, RunNotice, RunRecordBatch, RunRecordSink, RunStepRow } from '@flowyard/db';
import type { RunEvent } from '@flowyard/engine';
import { log } from '../log';
import { createGroupCommit, type WriteBatch } from './group-commit';

export type { RunChanges, RunInsertRow };

/** One record change; `event` is what live subscribers of `flowId` hear once it is committed. */
export type RecordOp =
  | { kind: 'insert-run'; runId: string; flowId: string; row: RunInsertRow; event: RunEvent | null; admit?: boolean }
  | { kind: 'update-run'; runId: string; flowId: string; set: RunChanges; event: RunEvent | null }
  | { kind: 'upsert-step'; runId: string; flowId: string; row: RunStepRow; event: RunEvent | null };

export interface RunRecordWriterOptions {
  /** Hears every op of a committed batch, in order (the runs service publishes the events). */
  committed?(ops: WriteBatch<RecordOp>): void;
  maxBatch?: number;
  delayMs?: number;
  /** How long a deferred snapshot may wait to be superseded before it is written anyway (default 20 ms). */
  maxDeferMs?: number;
  /** This instance's id: each batch then tells the other instances which runs' records moved (RunNotice). */
  noticeFrom?: string;
}

export type InsertRunOp = Extract<RecordOp, { kind: 'insert-run' }>;

/** The record an op writes: a later op with the same key supersedes an earlier one not yet written. */
export function recordKey(op: RecordOp): string {
  return op.kind === 'upsert-step' ? `step:${op.row.id}` : `run:${op.runId}`;
}

/** Failures remembered for runs nobody has asked about yet; beyond this the oldest are forgotten. */
const maxRememberedFailures = 1000;

/**
 * The single writer of run and step records: records queue up and are written by group commit,
 * one transaction per batch with one multi-row statement per kind. `write` resolves once the
 * record, and everything queued before it, is committed, or rejects when a record of that run
 * could not be written. A batch that fails is retried one record at a time, so one bad record
 * (its run deleted with its flow meanwhile) cannot take the others down.
 */
export function createRunRecordWriter(sink: RunRecordSink, options: RunRecordWriterOptions = {}) {
  const failures = new Map<string, unknown>();

  const remember = (runId: string, error: unknown): void => {
    if (failures.has(runId)) return;
    failures.set(runId, error);
    if (failures.size > maxRememberedFailures) failures.delete(failures.keys().next().value ?? '');
  };

  // Per run, how many batches of its records this writer sent: the seq of its notices.
  const seqs = new Map<string, number>();
  const noticesOf = (batch: WriteBatch<RecordOp>): RunNotice[] | undefined => {
    const from = options.noticeFrom;
    if (from === undefined) return undefined;
    const flows = new Map<string, string>();
    for (const op of batch) flows.set(op.runId, op.flowId);
    return [...flows].map(([runId, flowId]) => {
      const seq = (seqs.get(runId) ?? 0) + 1;
      seqs.set(runId, seq);
      return { runId, flowId, seq, from };
    });
  };

  async function write(batch: WriteBatch<RecordOp>): Promise<void> {
    try {
      await sink.write(recordBatch(batch, noticesOf(batch)));
    } catch (batchError) {
      if (batch.length === 1) {
        const [op] = batch;
        if (op) remember(op.runId, batchError);
        log.error('A run record could not be written', batchError, op === undefined ? {} : { runId: op.runId });
        return;
      }
      for (const op of batch) {
        try {
          await sink.write(recordBatch([op], noticesOf([op])));
        } catch (error) {
          remember(op.runId, error);
          log.error('A run record could not be written', error, { runId: op.runId });
        }
      }
    }
  }

  const queue = createGroupCommit<RecordOp>({
    write,
    ...(options.committed === undefined ? {} : { committed: options.committed }),
    ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
  });

  // Deferred snapshots (a step's `running` record) by record key, oldest first: most are superseded
  // by the record's next state within a few milliseconds and never cost a row write.
  const maxDeferMs = options.maxDeferMs ?? 20;
  const deferred = new Map<string, { op: RecordOp; at: number }>();
  let deferTimer: NodeJS.Timeout | null = null;

  const releaseDue = (all: boolean): void => {
    const due = performance.now() - maxDeferMs;
    for (const [key, entry] of deferred) {
      if (!all && entry.at > due) break;
      deferred.delete(key);
      queue.enqueue(entry.op);
    }
    if (deferred.size === 0 && deferTimer !== null) {
      clearInterval(deferTimer);
      deferTimer = null;
    }
  };

  const supersede = (op: RecordOp): void => {
    if (deferred.size > 0) deferred.delete(recordKey(op));
  };

  return {
    /** Queues a record; nobody waits (a failure makes the run's later `write`s reject). */
    enqueue(op: RecordOp): void {
      supersede(op);
      queue.enqueue(op);
    },

    /**
     * Holds a snapshot that the record's next state usually replaces soon (a step still running):
     * dropped when that arrives, written after `maxDeferMs` otherwise, or by `flush`.
     */
    defer(op: RecordOp): void {
      const key = recordKey(op);
      deferred.delete(key);
      deferred.set(key, { op, at: performance.now() });
      if (deferTimer === null) {
        deferTimer = setInterval(() => releaseDue(false), Math.max(1, Math.floor(maxDeferMs / 2)));
        deferTimer.unref();
      }
    },

    /**
     * Queues a record and resolves once it is durable, with every record of its run queued before
     * it; rejects when any record of the run so far could not be written (until `forget`).
     */
    async write(op: RecordOp): Promise<void> {
      supersede(op);
      await queue.commit(op);
      const failure = failures.get(op.runId);
      if (failure !== undefined) throw failure;
    },

    /** Drops what is remembered about a run's failed records (once the run is over). */
    forget(runId: string): void {
      failures.delete(runId);
      seqs.delete(runId);
    },

    /** Resolves once everything queued or deferred so far is written (or failed). */
    flush(): Promise<void> {
      releaseDue(true);
      return queue.flush();
    },

    get pending() {
      return queue.pending + deferred.size;
    },
  };
}

export type RunRecordWriter = ReturnType<typeof createRunRecordWriter>;

/**
 * One batch's records, coalesced: a run inserted and updated in the same batch is inserted as it
 * ended up, a step written several times is written once, as last reported.
 */
function recordBatch(batch: WriteBatch<RecordOp>, notices: RunNotice[] | undefined): RunRecordBatch {
  const inserts = new Map<string, RunInsertRow>();
  const admit: RunJob[] = [];
  const updates = new Map<string, RunChanges>();
  const steps = new Map<string, RunStepRow>();
  for (const op of batch) {
    if (op.kind === 'insert-run') {
      inserts.set(op.runId, { ...op.row });
      if (op.admit === true) admit.push({ runId: op.runId, attempt: op.row.attempt ?? 1 });
    }
    else if (op.kind === 'update-run') {
      const inserted = inserts.get(op.runId);
      if (inserted !== undefined) Object.assign(inserted, op.set);
      else updates.set(op.runId, { ...updates.get(op.runId), ...op.set });
    } else steps.set(op.row.id, op.row);
  }
  return {
    runs: [...inserts.values()],
    steps: [...steps.values()],
    runUpdates: [...updates].map(([id, set]) => ({ id, set })),
    ...(admit.length > 0 ? { admit } : {}),
    ...(notices !== undefined && notices.length > 0 ? { notices } : {}),
  };
}
