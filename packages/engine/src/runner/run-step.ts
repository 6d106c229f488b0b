import { performance } from 'node:perf_hooks';
import type { CustomStepLookup } from '../custom-step/custom-step';
import type { EndpointResolver } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { FlowNode } from '../flow/flow-graph';
import { stopOnFailure, type OnFailure } from '../flow/on-failure';
import type { ReferenceScope } from '../flow/references';
import type { HttpClient } from '../http/http-types';
import { createConsoleCap, type ConsoleCap } from '../run/console-cap';
import { createExchangeCap, type ExchangeCap } from '../run/exchange-cap';
import { isoTime } from '../run/iso-time';
import type { HttpExchange, Json, LogLine, StepError, StepRecord, StepTry } from '../run/run-record';
import type { ScriptRunner } from '../steps/define-step';
import { checkStepOutputs } from './check-outputs';
import type { CompiledNode } from './compile-flow';
import { retryableCode, retryableStatuses, retryWaitMs } from './retry-wait';
import { interruption, stepError } from './step-errors';

/** What running one step needs from its run: the run's identity, I/O and clock, and where records go. */
export interface StepRun {
  runId: string;
  attempt: number;
  flowId: string;
  trigger: { nodeId: string; payload: Json };
  endpoints: EndpointResolver;
  http: HttpClient;
  customSteps: CustomStepLookup;
  scripts: ScriptRunner;
  constants(): Promise<Record<string, string>>;
  libraries(): Promise<Record<string, string>>;
  now(): Date;
  signal: AbortSignal;
  /** Waits between tries; resolves early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** In [0, 1): the jitter of retry waits. */
  random(): number;
  /** Receives the step's record each time it changes (a copy). */
  emit(record: StepRecord): Promise<void>;
}

/**
 * How a step ended: `continued` is a failure its `onFailure` turned into outputs
 * (`error.code`, `error.message`, `status`), so the steps after it run.
 */
export type StepOutcome =
  | { state: 'succeeded'; outputs: Record<string, Json>; nextHandle: string | null }
  | { state: 'continued'; outputs: Record<string, Json>; error: StepError }
  | { state: 'failed'; error: StepError }
  | { state: 'interrupted' };

/** A fresh record for a node: `running` as it starts, or `skipped`. */
export function newStepRecord(node: FlowNode, at: { id: string; runId: string; attempt: number; status: 'running' | 'skipped'; time: string }): StepRecord {
  return {
    id: at.id,
    runId: at.runId,
    nodeId: node.id,
    stepType: node.type,
    name: node.data.name,
    status: at.status,
    startedAt: at.time,
    finishedAt: at.status === 'skipped' ? at.time : null,
    durationMs: null,
    inputs: {},
    outputs: null,
    exchanges: [],
    logs: [],
    error: null,
    attempt: at.attempt,
    nextHandle: null,
    replayedFrom: null,
  };
}

/** The node's failure policy; triggers and Switch steps have none and stop. */
export function onFailureOf(node: FlowNode): OnFailure {
  return 'onFailure' in node.data && node.data.onFailure !== undefined ? node.data.onFailure : stopOnFailure;
}

/**
 * Runs one step of a run (SPEC §6), the one path both runs and "Test step" take: a pinned step
 * records its pin without running; otherwise the step runs, is retried while its `onFailure`
 * allows (each try in `tries`, every try's exchanges and console lines kept), and a last failure
 * stops the flow or, under `continue`, becomes the step's outputs.
 */
export async function runStep(run: StepRun, entry: CompiledNode, scope: ReferenceScope, recordId: string, pin?: Record<string, Json>): Promise<StepOutcome> {
  const { node, step } = entry;
  const record = newStepRecord(node, { id: recordId, runId: run.runId, attempt: run.attempt, status: 'running', time: isoTime(run.now()) });
  const snapshot = (): StepRecord => ({ ...record, exchanges: [...record.exchanges], logs: [...record.logs], ...(record.tries ? { tries: [...record.tries] } : {}) });

  if (pin !== undefined) {
    record.status = 'succeeded';
    record.finishedAt = record.startedAt;
    record.durationMs = 0;
    record.outputs = pin;
    record.pinned = true;
    await run.emit(snapshot());
    return { state: 'succeeded', outputs: pin, nextHandle: null };
  }

  const policy = onFailureOf(node);
  const maxTries = policy.mode === 'retry' ? policy.maxTries : 1;
  const started = performance.now();
  // Made by the first console line or exchange: most steps write few.
  let consoleCap: ConsoleCap | undefined;
  let exchangeCap: ExchangeCap | undefined;
  // The current try's last exchange (a holder: TypeScript does not see the callback assign a `let`).
  const last: { exchange?: HttpExchange | undefined } = {};
  const lastStatus = (): number | null => last.exchange?.status ?? null;
  const finish = async (status: StepRecord['status']): Promise<void> => {
    record.status = status;
    record.finishedAt = isoTime(run.now());
    const last = consoleCap?.end(record.finishedAt);
    if (last) record.logs.push(last);
    const unrecorded = exchangeCap?.end(record.finishedAt);
    if (unrecorded) record.logs.push(unrecorded);
    record.durationMs = roundMs(performance.now() - started);
    await run.emit(snapshot());
  };
  const log = (line: Omit<LogLine, 'at'>): void => {
    const kept = (consoleCap ??= createConsoleCap()).add({ ...line, at: isoTime(run.now()) });
    if (kept !== null) record.logs.push(kept);
  };

  try {
    record.inputs = step.inputs(run.customSteps);
    const problems = step.problems(run.customSteps);
    // A step that is not ready fails at once with a single record, without a `running` one.
    if (problems.length > 0) {
      throw new FlowyardError('VALIDATION_FAILED', `Step is not ready: ${problems.join('; ')}`, { details: { problems } });
    }
  } catch (error) {
    record.error = stepError(error, node.data.name);
    await finish('failed');
    return { state: 'failed', error: record.error };
  }
  await run.emit(snapshot());

  // Records a failed try and waits before the next; false when no try is left (or the run stopped).
  const tryAgain = async (tryNumber: number, tryStarted: number, startedAt: string, error: StepError | null, reason: string): Promise<boolean> => {
    const again = tryNumber < maxTries && (error === null || retryableCode(error.code));
    const waitMs = again && policy.mode === 'retry' ? retryWaitMs(tryNumber + 1, policy.delayMs, last.exchange, run.now(), run.random) : null;
    const status = lastStatus();
    if (maxTries > 1) addTry(record, { try: tryNumber, startedAt, durationMs: roundMs(performance.now() - tryStarted), error, status, waitMs });
    if (waitMs === null) return false;
    log({ level: 'warn', message: `Try ${tryNumber} of ${maxTries} failed (${reason}); trying again in ${formatWait(waitMs)}` });
    await run.emit(snapshot());
    await run.sleep(waitMs, run.signal);
    return !run.signal.aborted;
  };

  for (let tryNumber = 1; ; tryNumber++) {
    const tryStarted = performance.now();
    const tryStartedAt = isoTime(run.now());
    last.exchange = undefined;
    let failure: StepError;
    try {
      // The step's context is built here with its config, so it is not copied again to add it.
      const result = await step.runIn((config) => ({
        config,
        flowId: run.flowId,
        scope,
        trigger: run.trigger,
        endpoints: run.endpoints,
        http: run.http,
        customSteps: run.customSteps,
        scripts: run.scripts,
        constants: run.constants,
        libraries: run.libraries,
        exchange: (exchange: HttpExchange) => {
          last.exchange = exchange;
          (exchangeCap ??= createExchangeCap()).add(record.exchanges, exchange);
        },
        log,
        setInputs: (inputs: Record<string, Json>) => void (record.inputs = inputs),
        now: run.now,
        signal: run.signal,
      }));
      checkStepOutputs(result.outputs);
      const status = typeof result.outputs.status === 'number' ? result.outputs.status : null;
      // An HTTP Request step succeeds whatever the status; only a retrying one tries again on a
      // status that says "later" (its last try's answer is its output like any other).
      const later = node.type === 'http-request' && status !== null && retryableStatuses.has(status) && tryNumber < maxTries;
      if (later && (await tryAgain(tryNumber, tryStarted, tryStartedAt, null, `the target answered ${status}`))) continue;
      if (!later) {
        if (maxTries > 1) addTry(record, { try: tryNumber, startedAt: tryStartedAt, durationMs: roundMs(performance.now() - tryStarted), error: null, status: status ?? lastStatus(), waitMs: null });
        record.outputs = result.outputs;
        record.nextHandle = result.nextHandle ?? null;
        await finish('succeeded');
        return { state: 'succeeded', outputs: result.outputs, nextHandle: record.nextHandle };
      }
      // Only an abort while waiting lands here.
      failure = interruption(run.signal.reason);
    } catch (error) {
      failure = stepError(error, node.data.name);
      if (!run.signal.aborted && (await tryAgain(tryNumber, tryStarted, tryStartedAt, failure, failure.message))) continue;
    }
    if (run.signal.aborted) {
      record.error = interruption(run.signal.reason);
      await finish('interrupted');
      return { state: 'interrupted' };
    }

    record.error = failure;
    if (policy.mode === 'continue') {
      // The flow goes on: later steps (a Switch) branch on the error like on any output.
      record.outputs = { error: { code: failure.code, message: failure.message }, status: lastStatus() };
      await finish('failed');
      return { state: 'continued', outputs: record.outputs, error: failure };
    }
    await finish('failed');
    return { state: 'failed', error: failure };
  }
}

function addTry(record: StepRecord, entry: StepTry): void {
  (record.tries ??= []).push(entry);
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
