import { recordKey, type InsertRunOp, type RecordOp, type RunRecordWriter } from './run-record-writer';

interface HeldRun {
  /** By record: a later state of a record replaces the earlier one in its place. */
  ops: Map<string, RecordOp>;
  since: number;
  resolve(): void;
  reject(error: unknown): void;
}

export interface HeldRecordsOptions {
  /** How long a run's records may stay in memory before they go to the writer anyway (default 200 ms: most runs of a few HTTP steps end well within it). */
  maxHoldMs?: number;
}

/**
 * Keeps the records of short runs nobody watches in memory until the run ends, then hands them
 * to the writer together: a run that ends within `maxHoldMs` costs one row per record, each in its
 * final state (no `running` rows that are updated moments later), in one batch. Only for runs
 * whose caller hears nothing before the end (an HTTP trigger with `?wait=true`), so nothing that
 * was acknowledged is ever only in memory; a run that goes on longer, or that someone starts
 * watching, is released to the writer and recorded as it happens from then on.
 */
export function createHeldRecords(writer: Pick<RunRecordWriter, 'enqueue' | 'write'>, options: HeldRecordsOptions = {}) {
  const maxHoldMs = options.maxHoldMs ?? 200;
  const held = new Map<string, HeldRun>();
  let sweeper: NodeJS.Timeout | null = null;

  /** Hands a run's records to the writer in order; the promise of its insert settles with them. */
  const release = (runId: string): void => {
    const run = held.get(runId);
    if (run === undefined) return;
    held.delete(runId);
    const ops = [...run.ops.values()];
    const last = ops.pop();
    for (const op of ops) writer.enqueue(op);
    if (last !== undefined) writer.write(last).then(run.resolve, run.reject);
    else run.resolve();
  };

  const sweep = (): void => {
    const due = performance.now() - maxHoldMs;
    // Oldest first: the first run still young ends the sweep.
    for (const [runId, run] of held) {
      if (run.since > due) break;
      release(runId);
    }
    if (held.size === 0 && sweeper !== null) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  return {
    /** Starts holding a run with its insert; resolves once that insert is committed (after release). */
    hold(op: InsertRunOp): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        held.set(op.runId, { ops: new Map([[recordKey(op), op]]), since: performance.now(), resolve, reject });
        if (sweeper === null) {
          sweeper = setInterval(sweep, Math.max(1, Math.floor(maxHoldMs / 2)));
          sweeper.unref();
        }
      });
    },

    /** Keeps `op` with its held run and returns true, or returns false when the run is not held. */
    add(op: RecordOp): boolean {
      const run = held.get(op.runId);
      if (run === undefined) return false;
      const key = recordKey(op);
      const earlier = run.ops.get(key);
      // The run is inserted once, as it is by now: its held row (made for the hold, nobody else's) takes the changes.
      if (earlier?.kind === 'insert-run' && op.kind === 'update-run') {
        Object.assign(earlier.row, op.set);
        run.ops.set(key, { ...earlier, event: op.event });
      } else run.ops.set(key, op);
      return true;
    },

    /** Whether `runId`'s records are held. */
    holds: (runId: string): boolean => held.has(runId),

    /** Hands the run's records to the writer now (it is being watched, or must be seen in the database). */
    release,

    /** Hands every held record to the writer (shutdown, tests). */
    releaseAll(): void {
      for (const runId of [...held.keys()]) release(runId);
    },

    get size() {
      return held.size;
    },
  };
}

export type HeldRecords = ReturnType<typeof createHeldRecords>;
