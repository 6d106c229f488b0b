import { log } from '../log';

/** What one flush hands to `write`: the operations queued since the previous flush, in order. */
export type WriteBatch<Op> = readonly Op[];

export interface GroupCommitOptions<Op> {
  /**
   * Writes one batch in one transaction. Resolving means committed (durable); rejecting means
   * nothing of the batch was written.
   */
  write(batch: WriteBatch<Op>): Promise<void>;
  /** Called after a batch committed, before its waiters resume (e.g. to publish what is now durable). */
  committed?(batch: WriteBatch<Op>): void;
  /** Called for a batch that failed, once `write` gave up on it; nobody may be waiting for it. */
  failed?(batch: WriteBatch<Op>, error: unknown): void;
  /** A batch is written at once when it reaches this many operations (default 500). */
  maxBatch?: number;
  /**
   * How long the first queued operation may wait for company (default 0: the next turn of the
   * event loop, after the I/O callbacks of this one have queued theirs).
   */
  delayMs?: number;
}

export interface GroupCommit<Op> {
  /** Queues an operation; nobody waits for it (failures go to `failed`). */
  enqueue(op: Op): void;
  /** Queues an operation and resolves once the batch holding it is committed. */
  commit(op: Op): Promise<void>;
  /** Resolves once everything queued so far is committed (or has failed). */
  flush(): Promise<void>;
  /** Operations queued and not yet handed to `write`. */
  readonly pending: number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: a single writer that collects operations for one turn of the event loop (or
 * `delayMs`) and writes them in one transaction, so a busy server pays one commit for many
 * records. Batches are written one at a time and in order, so an operation is durable no later
 * than every operation queued before it. Promises are only made for callers that wait.
 */
export function createGroupCommit<Op>(options: GroupCommitOptions<Op>): GroupCommit<Op> {
  const maxBatch = options.maxBatch ?? 500;
  const delayMs = options.delayMs ?? 0;
  let queue: Op[] = [];
  let waiters: Waiter[] = [];
  let scheduled = false;
  let writing: Promise<void> | null = null;
  let timeout: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;

  function schedule(): void {
    if (scheduled || writing !== null) return;
    scheduled = true;
    if (delayMs > 0) timeout = setTimeout(run, delayMs);
    else immediate = setImmediate(run);
  }

  function unschedule(): void {
    if (timeout !== null) clearTimeout(timeout);
    if (immediate !== null) clearImmediate(immediate);
    timeout = null;
    immediate = null;
    scheduled = false;
  }

  function run(): void {
    unschedule();
    if (writing !== null || queue.length === 0) return;
    const batch = queue;
    const batchWaiters = waiters;
    queue = [];
    waiters = [];
    // A write that throws synchronously fails its batch like one that rejects.
    writing = new Promise<void>((resolve) => resolve(options.write(batch))).then(
      () => {
        // The batch is durable whatever its listener does.
        try {
          options.committed?.(batch);
        } catch (error) {
          log.error('A committed batch of records could not be announced', error);
        }
        for (const waiter of batchWaiters) waiter.resolve();
      },
      (error: unknown) => {
        try {
          options.failed?.(batch, error);
        } catch (reportError) {
          log.error('A failed batch of records could not be reported', reportError);
        }
        for (const waiter of batchWaiters) waiter.reject(error);
      },
    );
    void writing.finally(() => {
      writing = null;
      // What arrived while writing goes out now, as one batch.
      if (queue.length > 0) schedule();
    });
  }

  function push(op: Op): void {
    queue.push(op);
    if (queue.length >= maxBatch && writing === null) run();
    else schedule();
  }

  return {
    enqueue: push,
    commit(op) {
      return new Promise<void>((resolve, reject) => {
        // The waiter joins the batch before the push that may start writing it.
        waiters.push({ resolve, reject });
        push(op);
      });
    },
    async flush() {
      while (writing !== null || queue.length > 0) {
        if (writing !== null) await writing;
        else run();
      }
    },
    get pending() {
      return queue.length;
    },
  };
}
