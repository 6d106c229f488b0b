import { performance } from 'node:perf_hooks';
import type { CustomStepDefinition } from '../custom-step/custom-step';
import type { EndpointResolver } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { FlowEdge, FlowGraph, FlowNode } from '../flow/flow-graph';
import type { ReferenceScope } from '../flow/references';
import type { HttpClient } from '../http/http-types';
import type { Json, RunEvent, RunOrigin, RunSummary, RunTriggerType, RunUser, StepError, StepRecord } from '../run/run-record';
import { scrubRunEvent, scrubStepError } from '../redaction/scrub-records';
import { createScrubber } from '../redaction/scrubber';
import { compileFlow, type CompiledNode } from './compile-flow';
import { endpointsLearnedBy, httpScrubbedBy } from './run-secrets';
import { isoTime } from '../run/iso-time';
import { loadDefinitions, noScripting, type FlowScripting } from './flow-scripting';
import { interruption, runFailure, stepError } from './step-errors';
import { newStepRecord, runStep, type StepRun } from './run-step';
import { abortableSleep } from './retry-wait';
import { attemptsRanOut, attemptsRanOutRecords, priorStepsOf, sinceMs, type RunResume } from './run-resume';
import { replayPlanOf, type RunRerun } from './run-replay';

export interface RunFlowOptions {
  runId: string;
  /** The user the run acts as. */
  user: RunUser;
  /** Pass the same `graph` object for every run of a saved version to reuse its compilation. */
  flow: { id: string; version: number; graph: FlowGraph };
  /** `type`: how the run was started (the Run button, or a call to an HTTP trigger's URL). */
  trigger: { nodeId: string; payload: Json; type: RunTriggerType };
  endpoints: EndpointResolver;
  http: HttpClient;
  /** Custom step definitions, the sandbox, constants and libraries (default: noScripting). */
  scripting?: FlowScripting;
  /** Started by an integration's flows.start: recorded on the run. */
  origin?: RunOrigin | undefined;
  /** Receives every run and step record as it changes, scrubbed of the run's secrets; awaited, and called one event at a time in order. */
  sink: (event: RunEvent) => void | Promise<void>;
  now?: () => Date;
  newId?: () => string;
  /**
   * Aborting stops the run: running steps are cancelled and the run ends `interrupted`. The
   * run's and those steps' error is the abort reason when it is a RUN_INTERRUPTED or RUN_STOPPED
   * FlowyardError (it says why), else a plain RUN_INTERRUPTED.
   */
  signal?: AbortSignal;
  /**
   * The caller's controller for this run, used as the run's own: aborting it stops the run like
   * `signal` does, without a second controller and listener per run to relay the abort. The run
   * aborts it too when the sink fails (the run then rejects with the sink's error).
   */
  abortController?: AbortController;
  /**
   * A later attempt of this run, taken over after the worker running it stopped: the steps that
   * finished are not run again, and once the attempts ran out nothing runs (see RunResume).
   */
  resume?: RunResume;
  /**
   * Outputs that stand in for steps, by node id: those steps are recorded `pinned` and not run.
   * Default: the graph's pins for a manual run, none for a run an HTTP trigger's URL started.
   */
  pins?: Readonly<Record<string, Record<string, Json>>>;
  /**
   * This run re-runs a past one (with its payload, given as `trigger.payload`): from the start, or
   * from one step, the others taking their outputs from the past run's records (see RunRerun).
   */
  rerun?: RunRerun;
  /** Waits between a retrying step's tries (default: a timer); resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The jitter of retry waits, in [0, 1) (default Math.random). */
  random?: () => number;
}

// A predecessor in one of these states stops the steps after it.
const blockingStates: ReadonlySet<NodeState | undefined> = new Set<NodeState | undefined>(['failed', 'interrupted', 'stopped']);
const noDefinitions = new Map<string, CustomStepDefinition>();

// How a node ended, as the scheduler needs it; `stopped` and `not-taken` are both recorded as `skipped`.
type NodeState = 'succeeded' | 'failed' | 'interrupted' | 'stopped' | 'not-taken';

/**
 * Runs a flow from one trigger (SPEC §6). A step is decided once all its predecessors
 * reachable from the trigger have finished; it then
 * - is skipped (stopped) when any predecessor failed, was interrupted or was stopped;
 * - runs when at least one incoming edge was taken (its source succeeded and either follows
 *   every edge or chose this edge's handle, as a Switch does), even if other predecessors sat
 *   on branches that were not taken: a join after a Switch runs after the branch that ran;
 * - otherwise is skipped (not taken), and so are the steps only reachable through it.
 * Independent branches run concurrently. Custom step definitions are loaded once when the
 * run starts, so one run sees one version of each. Step failures never reject; a rejection
 * means the trigger is not one of this flow's, loading definitions failed or the sink failed.
 * With `resume`, records of earlier attempts stand in for the steps they finished, and the
 * records written now replace those of the steps that run again (same id, this `attempt`).
 * A manual run takes pinned outputs instead of running those steps (`pins`); each step's
 * `onFailure` decides whether its failure stops what follows, is retried, or becomes its outputs
 * (see run-step.ts).
 */
export async function runFlow(options: RunFlowOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const resume = options.resume;
  const run: RunSummary = {
    id: options.runId,
    flowId: options.flow.id,
    flowVersion: options.flow.version,
    status: 'running',
    trigger: { type: options.trigger.type, nodeId: options.trigger.nodeId },
    userId: options.user.id,
    actedAs: { id: options.user.id, name: options.user.name, email: options.user.email },
    startedAt: resume?.startedAt ?? isoTime(now()),
    finishedAt: null,
    durationMs: null,
    error: null,
    attempt: resume?.attempt ?? 1,
    rerunOf: options.rerun === undefined ? null : { runId: options.rerun.runId, fromNodeId: options.rerun.from?.nodeId ?? null },
    ...(options.origin ? { origin: options.origin } : {}),
  };
  const runStarted = performance.now();
  if (resume !== undefined && attemptsRanOut(resume)) {
    const ended = attemptsRanOutRecords(run, resume, now());
    for (const step of ended.steps) await options.sink({ type: 'step', step });
    await options.sink({ type: 'run', run: ended.run });
    return ended.run;
  }
  const prior = priorStepsOf(resume);
  const compiled = compileFlow(options.flow.graph);
  const plan = compiled.triggers.get(options.trigger.nodeId);
  if (plan === undefined) {
    const message = `Step "${options.trigger.nodeId}" is not a trigger of this flow`;
    throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'triggerNodeId', message }] });
  }
  const replayPlan = replayPlanOf(compiled, plan, options.rerun);

  const scripting = options.scripting ?? noScripting;
  // Most flows use no custom step: then there is nothing to load and no reason to wait a tick for it.
  const definitions = plan.customStepIds.length === 0 ? noDefinitions : await loadDefinitions(scripting, plan.customStepIds);
  const customSteps = (id: string): CustomStepDefinition | undefined => definitions.get(id);
  // Each loaded on first use; the answer (or the failure) is shared with every later caller.
  let constantsLoaded: Promise<Record<string, string>> | undefined;
  let librariesLoaded: Promise<Record<string, string>> | undefined;
  const constants = (): Promise<Record<string, string>> => (constantsLoaded ??= scripting.constants());
  const libraries = (): Promise<Record<string, string>> => (librariesLoaded ??= scripting.libraries());

  const signal = options.signal;
  const controller = options.abortController ?? new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal !== undefined) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }

  // Every secret the run uses (endpoints it resolves, tokens it obtains) is scrubbed from every
  // record before the sink sees it (SPEC §7a); while the run has none, that costs nothing.
  const scrubber = createScrubber();
  const endpoints = endpointsLearnedBy(options.endpoints, scrubber);
  const http = httpScrubbedBy(options.http, scrubber);

  // Events go to the sink one at a time and in order; after a sink failure the run winds down.
  const sinkErrors: unknown[] = [];
  const sinkFailed = (error: unknown): void => {
    sinkErrors.push(error);
    controller.abort(error);
  };
  // Not an async function: a sink that answers synchronously then costs no extra promise and tick.
  const deliver = (event: RunEvent): void | Promise<void> => {
    if (sinkErrors.length > 0) return;
    let delivered: void | Promise<void>;
    try {
      // Scrubbed when delivered, with every secret known by then.
      delivered = options.sink(scrubRunEvent(scrubber, event));
    } catch (error) {
      sinkFailed(error);
      return;
    }
    if (delivered instanceof Promise) return delivered.then(undefined, sinkFailed);
  };
  let queue: Promise<void> = Promise.resolve();
  const emit = (event: RunEvent): Promise<void> => (queue = queue.then(() => deliver(event)));

  await emit({ type: 'run', run: { ...run } });

  const states = new Map<string, NodeState>();
  const results = new Map<string, { outputs: Record<string, Json>; nextHandle: string | null }>();
  const waitingFor = new Map(plan.waitCounts);
  let firstFailure: StepError | null = null;
  let anyFailed = false;

  const scopeFor = (nodeId: string): ReferenceScope => {
    // No prototype: a step named "__proto__" or "constructor" is a name like any other.
    const scope: ReferenceScope = Object.create(null);
    for (const ancestor of plan.ancestors.get(nodeId) ?? []) {
      const result = results.get(ancestor);
      const name = compiled.nodes.get(ancestor)?.node.data.name;
      if (result !== undefined && name !== undefined) scope[name] = result.outputs;
    }
    const trigger = results.get(plan.triggerId);
    if (trigger !== undefined) scope.trigger = trigger.outputs;
    return scope;
  };

  const edgeTaken = (edge: FlowEdge): boolean => {
    if (states.get(edge.source) !== 'succeeded') return false;
    const handle = results.get(edge.source)?.nextHandle ?? null;
    return handle === null || edge.sourceHandle === handle;
  };

  // A step an earlier attempt finished is not run again: its record stands for it.
  const replay = (node: FlowNode): NodeState | null => {
    const done = prior.get(node.id);
    if (done?.status === 'succeeded') {
      results.set(node.id, { outputs: done.outputs ?? {}, nextHandle: done.nextHandle });
      return 'succeeded';
    }
    // A failure its onFailure continued past kept its error as outputs, and the flow went on.
    if (done?.status === 'failed' && done.outputs !== null) {
      results.set(node.id, { outputs: done.outputs, nextHandle: null });
      return 'succeeded';
    }
    if (done?.status === 'failed') {
      if (done.error !== null) firstFailure ??= runFailure(done.error, node);
      return 'failed';
    }
    return null;
  };

  const pins = pinsOf(options, compiled.nodes);
  const stepRun: StepRun = {
    runId: run.id,
    attempt: run.attempt,
    flowId: options.flow.id,
    trigger: { nodeId: options.trigger.nodeId, payload: options.trigger.payload },
    endpoints,
    http,
    customSteps,
    scripts: scripting.scripts,
    constants,
    libraries,
    now,
    signal: controller.signal,
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    emit: (step) => emit({ type: 'step', step }),
  };

  // A re-run from a step: the steps it does not run are not executed; their past records stand in.
  const replayPast = async (node: FlowNode, pastRunId: string, past: StepRecord | undefined): Promise<NodeState> => {
    const at = isoTime(now());
    const id = prior.get(node.id)?.id ?? newId();
    if (past?.status !== 'succeeded') {
      await emit({ type: 'step', step: newStepRecord(node, { id, runId: run.id, attempt: run.attempt, status: 'skipped', time: at }) });
      return 'not-taken';
    }
    results.set(node.id, { outputs: past.outputs ?? {}, nextHandle: past.nextHandle });
    const record: StepRecord = {
      ...newStepRecord(node, { id, runId: run.id, attempt: run.attempt, status: 'running', time: at }),
      status: 'succeeded',
      finishedAt: at,
      durationMs: 0,
      inputs: past.inputs,
      outputs: past.outputs,
      nextHandle: past.nextHandle,
      replayedFrom: pastRunId,
    };
    await emit({ type: 'step', step: record });
    return 'succeeded';
  };

  const execute = async (entry: CompiledNode): Promise<NodeState> => {
    const { node } = entry;
    const replayed = replay(node);
    if (replayed !== null) return replayed;
    if (replayPlan !== null && !replayPlan.runs.has(node.id)) return replayPast(node, replayPlan.pastRunId, replayPlan.pastFor(node));
    // A step that runs again replaces its earlier attempt's record.
    const outcome = await runStep(stepRun, entry, scopeFor(node.id), prior.get(node.id)?.id ?? newId(), pins.get(node.id));
    switch (outcome.state) {
      case 'succeeded':
        results.set(node.id, { outputs: outcome.outputs, nextHandle: outcome.nextHandle });
        return 'succeeded';
      case 'continued':
        results.set(node.id, { outputs: outcome.outputs, nextHandle: null });
        return 'succeeded';
      case 'failed':
        firstFailure ??= runFailure(outcome.error, node);
        return 'failed';
      case 'interrupted':
        return 'interrupted';
    }
  };

  const skip = async (entry: CompiledNode, state: 'stopped' | 'not-taken'): Promise<NodeState> => {
    // A finished step's record stands even when this attempt stops before it (aborted at once);
    // one recorded skipped by an earlier attempt is the same decision, with nothing new to write.
    const replayed = replay(entry.node);
    if (replayed !== null) return replayed;
    if (prior.get(entry.node.id)?.status === 'skipped') return state;
    const id = prior.get(entry.node.id)?.id ?? newId();
    await emit({ type: 'step', step: newStepRecord(entry.node, { id, runId: run.id, attempt: run.attempt, status: 'skipped', time: isoTime(now()) }) });
    return state;
  };

  await new Promise<void>((resolve) => {
    let open = plan.order.length;

    const settle = (nodeId: string, state: NodeState): void => {
      states.set(nodeId, state);
      if (state === 'failed') anyFailed = true;
      open--;
      for (const edge of compiled.nodes.get(nodeId)?.outgoing ?? []) {
        const left = (waitingFor.get(edge.target) ?? 0) - 1;
        waitingFor.set(edge.target, left);
        if (left === 0) decide(edge.target);
      }
      if (open === 0) resolve();
    };

    const start = (nodeId: string, work: (entry: CompiledNode) => Promise<NodeState>): void => {
      const entry = compiled.nodes.get(nodeId);
      if (entry === undefined) return settle(nodeId, 'stopped');
      work(entry).then(
        (state) => settle(nodeId, state),
        // execute and skip catch step and sink errors; only a runner bug lands here, and the run must still finish.
        (error: unknown) => {
          firstFailure ??= stepError(error, entry.node.data.name);
          settle(nodeId, 'failed');
        },
      );
    };

    const decide = (nodeId: string): void => {
      const incoming = plan.incoming.get(nodeId) ?? [];
      const blocked = controller.signal.aborted || incoming.some((edge) => blockingStates.has(states.get(edge.source)));
      if (blocked) start(nodeId, (entry) => skip(entry, 'stopped'));
      // The step a re-run starts from runs, whatever the branches before it recorded.
      else if (incoming.some(edgeTaken) || nodeId === replayPlan?.fromNodeId) start(nodeId, execute);
      else start(nodeId, (entry) => skip(entry, 'not-taken'));
    };

    start(plan.triggerId, execute);
  });
  signal?.removeEventListener('abort', onAbort);

  // Only the caller aborts its controller while the sink works; after a sink failure the run rejects.
  const interrupted = signal?.aborted === true || options.abortController?.signal.aborted === true;
  run.status = interrupted ? 'interrupted' : anyFailed ? 'failed' : 'succeeded';
  run.finishedAt = isoTime(now());
  // A resumed run lasts from its first start, across attempts.
  run.durationMs = resume === undefined ? roundMs(performance.now() - runStarted) : sinceMs(resume.startedAt, run.finishedAt);
  run.error = interrupted ? scrubStepError(scrubber, interruption(controller.signal.reason)) : firstFailure === null ? null : scrubStepError(scrubber, firstFailure);
  await emit({ type: 'run', run: { ...run } });
  if (sinkErrors.length > 0) throw sinkErrors[0];
  return run;
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** The pins a run takes: the ones it was given, else the graph's for a manual run; a trigger's only when given. */
function pinsOf(options: RunFlowOptions, nodes: ReadonlyMap<string, CompiledNode>): ReadonlyMap<string, Record<string, Json>> {
  const pins = new Map<string, Record<string, Json>>();
  if (options.pins !== undefined) {
    for (const [nodeId, outputs] of Object.entries(options.pins)) pins.set(nodeId, outputs);
    return pins;
  }
  // Calls to an HTTP trigger's URL are production traffic: they never take test data.
  if (options.trigger.type !== 'manual') return pins;
  for (const [nodeId, pin] of Object.entries(options.flow.graph.pins ?? {})) {
    if (nodes.get(nodeId)?.step.kind === 'action') pins.set(nodeId, pin.outputs);
  }
  return pins;
}
