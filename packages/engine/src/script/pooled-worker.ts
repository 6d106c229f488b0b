import type { Worker } from 'node:worker_threads';
import type { LogLine } from '../run/run-record';
import { spawnScriptWorker } from './spawn-script-worker';
import { fromWorkerSchema, type FromWorker, type HostCall, type HostCallResult, type ScriptJob, type ScriptOutcome, type ToWorker } from './worker-protocol';

/** How the pool serves one job's calls and console lines. */
export interface JobCallbacks {
  call(call: HostCall): Promise<HostCallResult>;
  log(line: LogLine): void;
}

export interface JobEnd {
  outcome: ScriptOutcome;
  /** The worker must not take another job. */
  retire: boolean;
}

/** Why a worker stopped while it had a job: the pool turns this into the run's error. */
export class WorkerGoneError extends Error {
  constructor(
    message: string,
    readonly outOfMemory: boolean,
  ) {
    super(message);
    this.name = 'WorkerGoneError';
  }
}

interface ActiveJob {
  jobId: number;
  callbacks: JobCallbacks;
  resolve(end: JobEnd): void;
  reject(error: WorkerGoneError): void;
  /** Calls the worker is blocked on; answered at most once each. */
  pendingCalls: Set<number>;
}

const CANCELLED: HostCallResult = { kind: 'error', error: { code: 'SCRIPT_TIMEOUT', message: 'The script was stopped', details: {} } };

/** One worker thread with its QuickJS module, running one job at a time for the pool. */
export class PooledWorker {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly cancelFlag: Int32Array;
  private active: ActiveJob | undefined;
  private gone = false;

  constructor(url: URL, onGone: (worker: PooledWorker) => void) {
    const cancel = new SharedArrayBuffer(4);
    this.cancelFlag = new Int32Array(cancel);
    this.worker = spawnScriptWorker(url, { cancel });
    this.ready = new Promise((resolve, reject) => {
      const fail = (error: WorkerGoneError): void => {
        if (this.gone) return;
        this.gone = true;
        reject(error);
        this.active?.reject(error);
        this.active = undefined;
        onGone(this);
      };
      this.worker.on('message', (raw: unknown) => {
        const parsed = fromWorkerSchema.safeParse(raw);
        if (!parsed.success) {
          // Never expected; a worker that speaks nonsense is stopped rather than trusted.
          fail(new WorkerGoneError(`The script engine sent an unreadable message: ${parsed.error.message}`, false));
          void this.worker.terminate();
          return;
        }
        const message = parsed.data;
        if (message.type === 'ready') resolve();
        else if (message.type === 'start-failed') reject(new Error(`The script engine could not start: ${message.message}`));
        else this.onJobMessage(message);
      });
      this.worker.on('error', (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        fail(new WorkerGoneError(`The script engine stopped: ${error.message}`, outOfMemory));
      });
      this.worker.on('exit', (code) => fail(new WorkerGoneError(`The script engine stopped (exit code ${code})`, false)));
    });
    // A failed start is reported through acquire(); never as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** Runs `job`; resolves when the worker reports the end, rejects if the worker dies first. */
  run(jobId: number, job: ScriptJob, callbacks: JobCallbacks): Promise<JobEnd> {
    if (this.active || this.gone) return Promise.reject(new WorkerGoneError('The script engine is not available', false));
    this.worker.ref();
    return new Promise<JobEnd>((resolve, reject) => {
      this.active = { jobId, callbacks, resolve, reject, pendingCalls: new Set() };
      this.post({ type: 'run', jobId, job });
    });
  }

  /** Stops the job: its interrupt handler sees the flag, and calls it waits on are answered now. */
  cancel(jobId: number): void {
    Atomics.store(this.cancelFlag, 0, jobId);
    const active = this.active;
    if (active?.jobId !== jobId) return;
    for (const callId of active.pendingCalls) this.post({ type: 'reply', jobId, callId, result: CANCELLED });
    active.pendingCalls.clear();
  }

  /** Idle workers must not keep the process alive. */
  unref(): void {
    this.worker.unref();
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private onJobMessage(message: Exclude<FromWorker, { type: 'ready' | 'start-failed' }>): void {
    const active = this.active;
    if (active?.jobId !== message.jobId) return;
    if (message.type === 'log') {
      active.callbacks.log(message.line);
    } else if (message.type === 'call') {
      active.pendingCalls.add(message.callId);
      void active.callbacks.call(message.call).then((result) => {
        // Already answered when the job was cancelled meanwhile.
        if (!active.pendingCalls.delete(message.callId)) return;
        this.post({ type: 'reply', jobId: active.jobId, callId: message.callId, result });
      });
    } else {
      this.active = undefined;
      active.resolve({ outcome: message.outcome, retire: message.retire });
    }
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
