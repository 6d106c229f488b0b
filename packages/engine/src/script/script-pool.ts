import { STATUS_CODES } from 'node:http';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import { jsonSchema, type Json, type LogLine } from '../run/run-record';
import { PooledWorker, WorkerGoneError } from './pooled-worker';
import { describeMemory, describeTimeout, resolveScriptLimits, type ScriptLimits } from './script-limits';
import { ScriptRunError } from './script-run-error';
import type { RunScriptOptions, ScriptRunResult } from './script-types';
import { defaultScriptWorkerUrl } from './spawn-script-worker';
import type { HostCall, HostCallError, HostCallResult, ScriptFailure, ScriptJob } from './worker-protocol';

export interface ScriptPoolOptions {
  /** Workers kept warm (default min(2, cores), at least 1). */
  size?: number;
  /** Workers at most, busy ones included; beyond it runs wait in a queue (default max(4, size)). */
  maxWorkers?: number;
  /** Workers above `size` stop after being idle this long (default 30 s). */
  idleTimeoutMs?: number;
  /** How long a stopped script gets to wind down before its worker is terminated (default 1 s). */
  terminateGraceMs?: number;
  /** The worker entry; defaults to `defaultScriptWorkerUrl()`. */
  workerUrl?: URL;
  /** How long a new worker may take to load its engine (default 30 s). */
  startTimeoutMs?: number;
}

export interface ScriptPoolStats {
  workers: number;
  busy: number;
  queued: number;
}

/** Runs scripts in worker threads, one at a time per worker, off the main event loop. */
export interface ScriptPool {
  run(options: RunScriptOptions): Promise<ScriptRunResult>;
  /** Starts the warm workers now instead of on first use. */
  warmUp(): Promise<void>;
  stats(): ScriptPoolStats;
  /** Terminates every worker; runs still in flight fail. */
  close(): Promise<void>;
}

interface Waiter {
  resolve(worker: PooledWorker): void;
  reject(error: unknown): void;
}

/** Creates a pool of script workers (see ScriptPoolOptions for the defaults). */
export function createScriptPool(options: ScriptPoolOptions = {}): ScriptPool {
  return new WorkerScriptPool(options);
}

class WorkerScriptPool implements ScriptPool {
  private readonly size: number;
  private readonly maxWorkers: number;
  private readonly idleTimeoutMs: number;
  private readonly graceMs: number;
  private readonly startTimeoutMs: number;
  private readonly workerUrl: URL;
  private readonly workers = new Set<PooledWorker>();
  private readonly idle: PooledWorker[] = [];
  private readonly idleTimers = new Map<PooledWorker, NodeJS.Timeout>();
  private readonly waiters: Waiter[] = [];
  private nextJobId = 1;
  private closed = false;

  constructor(options: ScriptPoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.maxWorkers = Math.max(this.size, options.maxWorkers ?? Math.max(4, this.size));
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.graceMs = options.terminateGraceMs ?? 1_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.workerUrl = options.workerUrl ?? defaultScriptWorkerUrl();
  }

  async run(options: RunScriptOptions): Promise<ScriptRunResult> {
    const limits = resolveScriptLimits(options);
    const job = toJob(options, limits);
    if (options.signal?.aborted) throw cancelled([]);
    const worker = await this.acquire(options.signal);
    return this.execute(worker, job, limits, options);
  }

  async warmUp(): Promise<void> {
    const starting: Promise<void>[] = [];
    while (this.workers.size < this.size && !this.closed) {
      const worker = this.spawn();
      starting.push(
        this.started(worker).then(
          () => this.release(worker, false),
          () => undefined,
        ),
      );
    }
    await Promise.all(starting);
  }

  stats(): ScriptPoolStats {
    let busy = 0;
    for (const worker of this.workers) if (worker.busy) busy += 1;
    return { workers: this.workers.size, busy, queued: this.waiters.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new FlowyardError('SCRIPT_ERROR', 'The script pool was closed'));
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    this.idle.length = 0;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
    this.workers.clear();
  }

  private execute(worker: PooledWorker, job: ScriptJob, limits: ScriptLimits, options: RunScriptOptions): Promise<ScriptRunResult> {
    const jobId = this.nextJobId++;
    const logs: LogLine[] = [];
    const controller = new AbortController();
    return new Promise<ScriptRunResult>((resolve, reject) => {
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const settle = (finish: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        options.signal?.removeEventListener('abort', onAbort);
        finish();
      };
      // Stops the run now; the worker gets a grace period to wind down, then is replaced.
      const stop = (error: ScriptRunError): void => {
        if (settled) return;
        settle(() => reject(error));
        controller.abort(error);
        worker.cancel(jobId);
        killTimer = setTimeout(() => void this.discard(worker), this.graceMs);
        killTimer.unref();
      };
      const deadline = setTimeout(() => stop(timeoutError(limits, [...logs])), limits.timeoutMs);
      const onAbort = (): void => stop(cancelled([...logs]));
      options.signal?.addEventListener('abort', onAbort, { once: true });

      worker
        .run(jobId, job, {
          call: (call) => answer(call, options, controller.signal),
          log: (line) => {
            if (settled) return;
            logs.push(line);
            options.onLog?.(line);
          },
        })
        .then(
          ({ outcome, retire }) => {
            clearTimeout(killTimer);
            this.release(worker, retire);
            settle(() => (outcome.ok ? resolve({ outputs: outcome.outputs, logs }) : reject(toRunError(outcome.failure, limits, logs))));
          },
          (error: unknown) => {
            clearTimeout(killTimer);
            const outOfMemory = error instanceof WorkerGoneError && error.outOfMemory;
            const message = error instanceof Error ? error.message : String(error);
            settle(() => reject(outOfMemory ? memoryError(limits, logs) : new ScriptRunError('SCRIPT_ERROR', message, { logs })));
          },
        );
    });
  }

  private async acquire(signal: AbortSignal | undefined): Promise<PooledWorker> {
    if (this.closed) throw new FlowyardError('SCRIPT_ERROR', 'The script pool was closed');
    const idle = this.idle.pop();
    if (idle) {
      clearTimeout(this.idleTimers.get(idle));
      this.idleTimers.delete(idle);
      return idle;
    }
    if (this.workers.size < this.maxWorkers) {
      const worker = this.spawn();
      await this.started(worker);
      return worker;
    }
    return new Promise<PooledWorker>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (worker) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(worker);
        },
        reject,
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(cancelled([]));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private spawn(): PooledWorker {
    const worker = new PooledWorker(this.workerUrl, (gone) => this.forget(gone));
    this.workers.add(worker);
    return worker;
  }

  /** Waits for a new worker's engine, terminating it if it takes too long or fails. */
  private async started(worker: PooledWorker): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The script engine did not start within ${describeTimeout(this.startTimeoutMs)}`)), this.startTimeoutMs);
    });
    try {
      await Promise.race([worker.ready, timeout]);
    } catch (error) {
      void this.discard(worker);
      throw new FlowyardError('SCRIPT_ERROR', error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Hands a finished worker to the next waiter, parks it, or replaces it when it must retire. */
  private release(worker: PooledWorker, retire: boolean): void {
    if (retire || this.closed) {
      void this.discard(worker);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(worker);
      return;
    }
    worker.unref();
    this.idle.push(worker);
    if (this.workers.size > this.size) {
      const timer = setTimeout(() => {
        if (this.idle.includes(worker) && this.workers.size > this.size) void this.discard(worker);
      }, this.idleTimeoutMs);
      timer.unref();
      this.idleTimers.set(worker, timer);
    }
  }

  private async discard(worker: PooledWorker): Promise<void> {
    this.forget(worker);
    await worker.terminate();
  }

  /** Drops a worker from the books; a waiter that now fits gets a fresh worker. */
  private forget(worker: PooledWorker): void {
    if (!this.workers.delete(worker)) return;
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    if (this.closed || this.waiters.length === 0 || this.workers.size >= this.maxWorkers) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    const replacement = this.spawn();
    this.started(replacement).then(
      () => waiter.resolve(replacement),
      (error: unknown) => waiter.reject(error),
    );
  }
}

function toJob(options: RunScriptOptions, limits: ScriptLimits): ScriptJob {
  const input: Record<string, string> = {};
  for (const [label, value] of Object.entries(options.input)) if (value !== undefined && value !== '') input[label] = value;
  return {
    source: options.source,
    input,
    constants: { ...options.constants },
    libraries: { ...options.libraries },
    endpointLabels: { ...options.endpointLabels },
    ...limits,
  };
}

/** Serves one call from the script on the main thread; never rejects (failures become error replies). */
async function answer(call: HostCall, options: RunScriptOptions, signal: AbortSignal): Promise<HostCallResult> {
  try {
    if (call.kind === 'request') {
      const response = await options.request(call.request, signal);
      return {
        kind: 'response',
        response: {
          statusCode: response.statusCode,
          statusMessage: response.statusMessage ?? STATUS_CODES[response.statusCode] ?? '',
          headers: textHeaders(response.headers),
          body: response.body,
        },
      };
    }
    if (!options.authenticate) {
      throw new FlowyardError('SCRIPT_ERROR', `http.authenticate('${call.endpoint}') is not available: this server cannot hand out endpoint tokens yet`);
    }
    return { kind: 'token', token: await options.authenticate(call.endpoint, signal) };
  } catch (error) {
    return { kind: 'error', error: toHostCallError(error) };
  }
}

// Typed as strings, but a host that passes a client's raw headers (arrays) should not break the run.
function textHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) text[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return text;
}

const detailsSchema = z.record(z.string(), jsonSchema);

function toHostCallError(error: unknown): HostCallError {
  if (isFlowyardError(error)) {
    let details: Record<string, Json> = {};
    try {
      const parsed = detailsSchema.safeParse(JSON.parse(JSON.stringify(error.details)));
      if (parsed.success) details = parsed.data;
    } catch {
      // details that do not survive JSON are left out
    }
    return { code: error.code, message: error.message, details };
  }
  return { code: 'SCRIPT_ERROR', message: `The request failed: ${error instanceof Error ? error.message : String(error)}`, details: {} };
}

function toRunError(failure: ScriptFailure, limits: ScriptLimits, logs: LogLine[]): ScriptRunError {
  switch (failure.kind) {
    case 'timeout':
      return timeoutError(limits, logs);
    case 'memory':
      return memoryError(limits, logs);
    case 'engine':
      return new ScriptRunError('SCRIPT_ERROR', failure.message, { logs });
    case 'host-call': {
      const where = failure.line !== undefined ? { line: failure.line, column: failure.column } : {};
      return new ScriptRunError(failure.error.code, failure.error.message, { details: { ...failure.error.details, ...where }, logs });
    }
    case 'error': {
      const { kind: _kind, message, ...where } = failure;
      return new ScriptRunError('SCRIPT_ERROR', message, { details: where, logs });
    }
  }
}

function timeoutError(limits: ScriptLimits, logs: LogLine[]): ScriptRunError {
  return new ScriptRunError('SCRIPT_TIMEOUT', `The script ran longer than its time limit of ${describeTimeout(limits.timeoutMs)}`, {
    details: { timeoutMs: limits.timeoutMs },
    logs,
  });
}

function memoryError(limits: ScriptLimits, logs: LogLine[]): ScriptRunError {
  return new ScriptRunError('SCRIPT_OUT_OF_MEMORY', `The script used more than its memory limit of ${describeMemory(limits.memoryLimitBytes)}`, {
    details: { memoryLimitBytes: limits.memoryLimitBytes },
    logs,
  });
}

function cancelled(logs: LogLine[]): ScriptRunError {
  return new ScriptRunError('SCRIPT_ERROR', 'The script run was cancelled', { details: { cancelled: true }, logs });
}
