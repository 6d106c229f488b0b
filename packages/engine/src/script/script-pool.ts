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
  /** Workers kept warm (default min(2, maxWorkers), at least 1). */
  size?: number;
  /** Workers at most, busy ones included; beyond it runs wait in a queue (default: the number of cores, at least `size`). */
  maxWorkers?: number;
  /**
   * Workers that runs with one `fairnessKey` (a flow) may hold at once; its further runs wait
   * while other keys' runs go ahead (default max(1, floor(maxWorkers / 2))).
   */
  maxPerKey?: number;
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
  key: string;
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
  private readonly maxPerKey: number;
  /** Runs waiting for a worker, per fairness key. */
  private readonly queues = new Map<string, Waiter[]>();
  /** When each key that holds a worker or waits for one was last given a worker (a running count). */
  private readonly lastServed = new Map<string, number>();
  private serveCount = 0;
  private queued = 0;
  /** The key each assigned worker serves, and how many workers each key holds. */
  private readonly owners = new Map<PooledWorker, string>();
  private readonly held = new Map<string, number>();
  private nextJobId = 1;
  private closed = false;

  constructor(options: ScriptPoolOptions) {
    const cores = availableParallelism();
    this.size = Math.max(1, options.size ?? Math.min(2, options.maxWorkers ?? cores));
    this.maxWorkers = Math.max(this.size, options.maxWorkers ?? cores);
    this.maxPerKey = Math.max(1, Math.min(this.maxWorkers, options.maxPerKey ?? Math.floor(this.maxWorkers / 2)));
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.graceMs = options.terminateGraceMs ?? 1_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.workerUrl = options.workerUrl ?? defaultScriptWorkerUrl();
  }

  async run(options: RunScriptOptions): Promise<ScriptRunResult> {
    const limits = resolveScriptLimits(options);
    const job = toJob(options, limits);
    if (options.signal?.aborted) throw cancelled([]);
    // A run without a key is a key of its own: not capped, but still served in turn with the others.
    const worker = await this.acquire(options.fairnessKey ?? `\u0000run ${this.nextJobId++}`, options.signal);
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
    return { workers: this.workers.size, busy, queued: this.queued };
  }

  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...this.queues.values()].flat();
    this.queues.clear();
    this.queued = 0;
    for (const waiter of waiting) waiter.reject(new FlowyardError('SCRIPT_ERROR', 'The script pool was closed'));
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
            settle(() => (outcome.ok ? resolve({ outputs: outcome.outputs, logs, ...(outcome.response === undefined ? {} : { response: outcome.response }) }) : reject(toRunError(outcome.failure, limits, logs))));
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

  /**
   * A worker for a run of `key`: every run queues under its key and `dispatch` hands out workers
   * round-robin across keys, never more than `maxPerKey` to one key, so runaway scripts of one
   * flow leave workers for the others.
   */
  private acquire(key: string, signal: AbortSignal | undefined): Promise<PooledWorker> {
    if (this.closed) return Promise.reject(new FlowyardError('SCRIPT_ERROR', 'The script pool was closed'));
    return new Promise<PooledWorker>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        resolve: (worker) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(worker);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = (): void => {
        const queue = this.queues.get(key);
        const index = queue?.indexOf(waiter) ?? -1;
        if (queue === undefined || index < 0) return;
        queue.splice(index, 1);
        this.queued -= 1;
        if (queue.length === 0) {
          this.queues.delete(key);
          if (!this.held.has(key)) this.lastServed.delete(key);
        }
        reject(cancelled([]));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const queue = this.queues.get(key);
      if (queue === undefined) this.queues.set(key, [waiter]);
      else queue.push(waiter);
      this.queued += 1;
      this.dispatch();
    });
  }

  /** Gives idle (or new) workers to waiting runs, taking keys in turn and skipping keys at their cap. */
  private dispatch(): void {
    while (!this.closed && this.queued > 0 && (this.idle.length > 0 || this.workers.size < this.maxWorkers)) {
      const waiter = this.nextWaiter();
      if (waiter === undefined) return;
      this.assign(waiter.key);
      const idle = this.idle.pop();
      if (idle !== undefined) {
        clearTimeout(this.idleTimers.get(idle));
        this.idleTimers.delete(idle);
        this.owners.set(idle, waiter.key);
        waiter.resolve(idle);
        continue;
      }
      const worker = this.spawn();
      this.owners.set(worker, waiter.key);
      this.started(worker).then(
        () => waiter.resolve(worker),
        (error: unknown) => waiter.reject(error),
      );
    }
  }

  /**
   * The first waiter of the key below its cap that holds the fewest workers, and among those the
   * one served longest ago (never served counts as longest).
   */
  private nextWaiter(): Waiter | undefined {
    let chosen: { key: string; queue: Waiter[]; held: number; served: number } | undefined;
    for (const [key, queue] of this.queues) {
      const held = this.held.get(key) ?? 0;
      if (held >= this.maxPerKey) continue;
      const served = this.lastServed.get(key) ?? 0;
      if (chosen === undefined || held < chosen.held || (held === chosen.held && served < chosen.served)) chosen = { key, queue, held, served };
    }
    if (chosen === undefined) return undefined;
    const waiter = chosen.queue.shift();
    if (chosen.queue.length === 0) this.queues.delete(chosen.key);
    if (waiter === undefined) return undefined;
    this.queued -= 1;
    this.lastServed.set(chosen.key, ++this.serveCount);
    return waiter;
  }

  private assign(key: string): void {
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
  }

  /** The worker no longer serves its key (it finished, or it is gone). */
  private unassign(worker: PooledWorker): void {
    const key = this.owners.get(worker);
    if (key === undefined) return;
    this.owners.delete(worker);
    const count = (this.held.get(key) ?? 1) - 1;
    if (count > 0) this.held.set(key, count);
    else this.held.delete(key);
    // A key with nothing held and nothing waiting is forgotten, so the books stay as small as the load.
    if (count <= 0 && !this.queues.has(key)) this.lastServed.delete(key);
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

  /** Parks a finished worker for the next run (handed out at once when runs wait), or replaces it when it must retire. */
  private release(worker: PooledWorker, retire: boolean): void {
    this.unassign(worker);
    // Already replaced (its run was stopped and the grace period ran out): nothing to park.
    if (!this.workers.has(worker)) return;
    if (retire || this.closed) {
      void this.discard(worker);
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
    this.dispatch();
  }

  private async discard(worker: PooledWorker): Promise<void> {
    this.forget(worker);
    await worker.terminate();
  }

  /** Drops a worker from the books; a waiter that now fits gets a fresh worker. */
  private forget(worker: PooledWorker): void {
    if (!this.workers.delete(worker)) return;
    this.unassign(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    this.dispatch();
  }
}

/** A flows.start payload as the script serialised it, within the JSON bounds every payload keeps. */
function parseFlowPayload(text: string): Json {
  const parsed = jsonSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new FlowyardError('VALIDATION_FAILED', `flows.start: the payload is not accepted (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
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
    ...(options.integration === undefined ? {} : { integration: options.integration }),
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
    if (call.kind === 'startFlow') {
      if (!options.startFlow) throw new FlowyardError('SCRIPT_ERROR', 'flows.start() is only available in integration scripts');
      return { kind: 'started', runId: await options.startFlow(call.flowName, parseFlowPayload(call.payloadJson), signal) };
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
