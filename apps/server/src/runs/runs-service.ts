import {
  compileFlow,
  FlowyardError,
  referenceProblems,
  runFlow,
  triggerNodeTypes,
  type CustomStepDefinition,
  type Flow,
  type FlowNode,
  type HttpClient,
  type Json,
  type RunEvent,
  type RunSummary,
  type RunTriggerType,
  type RunUser,
  type ScriptRunner,
  type StepRecord,
} from '@flowyard/engine';
import type { CustomStepsService } from '../custom-steps/custom-steps-service';
import type { RunCredentials } from '../builtin/run-credentials';
import { withRunCredential } from '../builtin/run-endpoints';
import type { ServiceDeps } from '../deps';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import type { FlowsService } from '../flows/flows-service';
import { log } from '../log';
import type { ConstantsService } from '../scripting/constants-service';
import type { LibrariesService } from '../scripting/libraries-service';
import type { RunEventBus } from './run-event-bus';
import { createRunsRepo } from './runs-repo';

export interface RunsServiceOptions {
  http: HttpClient;
  bus: RunEventBus;
  /** The process-wide script pool: scripts run in its worker threads, off the main event loop. */
  scripts: ScriptRunner;
  customSteps: CustomStepsService;
  constants: ConstantsService;
  libraries: LibrariesService;
  /** Mints the credential a run's built-in Flowyard endpoint sends, revoked when the run ends. */
  credentials: RunCredentials;
}

/**
 * The trigger's payload: a call to an HTTP trigger's URL brings the request envelope; a Run
 * button click on an HTTP trigger sends its test payload as the request body.
 */
function triggerPayload(trigger: FlowNode, payload: Json, via: RunTriggerType): Json {
  return trigger.type === 'http-trigger' && via === 'manual' ? { body: payload, headers: {}, query: {} } : payload;
}

function isTrigger(node: FlowNode): boolean {
  return (triggerNodeTypes as readonly string[]).includes(node.type);
}

/** Picks the trigger a run starts from: the one asked for, or the flow's only trigger. */
function chooseTrigger(nodes: FlowNode[], triggerNodeId: string | undefined): FlowNode {
  const triggers = nodes.filter(isTrigger);
  if (triggerNodeId !== undefined) {
    const chosen = triggers.find((node) => node.id === triggerNodeId);
    if (!chosen) {
      throw new FlowyardError('VALIDATION_FAILED', 'That trigger is not in this flow', {
        issues: [{ path: 'triggerNodeId', message: 'That trigger is not in this flow (save the flow first?)' }],
      });
    }
    return chosen;
  }
  const [only, ...others] = triggers;
  if (!only) {
    throw new FlowyardError('VALIDATION_FAILED', 'This flow has no trigger; add a Manual trigger and save the flow', {
      issues: [{ path: 'triggerNodeId', message: 'This flow has no trigger; add a Manual trigger and save the flow' }],
    });
  }
  if (others.length > 0) {
    throw new FlowyardError('VALIDATION_FAILED', 'This flow has several triggers; choose which one to run', {
      issues: [{ path: 'triggerNodeId', message: 'This flow has several triggers; choose which one to run' }],
    });
  }
  return only;
}

/**
 * Refuses a run whose steps (those the trigger reaches) hold references that cannot resolve:
 * VALIDATION_FAILED with one issue per reference, at the node's setting.
 */
function checkReferences(flow: Flow, triggerId: string, definitions: ReadonlyMap<string, CustomStepDefinition>): void {
  const reached = new Set(compileFlow(flow.graph).triggers.get(triggerId)?.order ?? []);
  const problems = referenceProblems(flow.graph, (id) => definitions.get(id)).filter((problem) => reached.has(problem.nodeId));
  if (problems.length === 0) return;
  const indexOf = new Map(flow.graph.nodes.map((node, index) => [node.id, index]));
  const issues = problems.map((problem) => ({ path: `graph.nodes.${indexOf.get(problem.nodeId) ?? 0}.data.config.${problem.field}`, message: `Step "${problem.stepName}": ${problem.message}` }));
  const count = problems.length === 1 ? 'a reference that cannot resolve' : `${problems.length} references that cannot resolve`;
  throw new FlowyardError('VALIDATION_FAILED', `This flow has ${count}: ${issues.map((issue) => issue.message).join('; ')}`, {
    issues,
    details: { references: problems.map((problem) => ({ ...problem })) },
  });
}

/**
 * Starts runs in the background through the engine, persisting every run and step
 * record as the engine reports it and publishing it to the flow's subscribers.
 */
export function createRunsService(deps: ServiceDeps, flows: FlowsService, { http, bus, scripts, customSteps, constants, libraries, credentials }: RunsServiceOptions) {
  const repo = createRunsRepo(deps.db);
  const inFlight = new Map<string, { flowId: string; controller: AbortController; done: Promise<void> }>();

  async function persist(flowId: string, event: RunEvent): Promise<void> {
    if (event.type === 'run') await repo.updateRun(event.run);
    else await repo.upsertStep(event.step);
    bus.publish(flowId, event);
  }

  async function interruptAfterCrash(runId: string, flowId: string, error: unknown): Promise<void> {
    log.error(`Run ${runId} stopped unexpectedly`, error);
    try {
      await repo.markInterrupted(deps.now(), runId);
      const record = await repo.get(runId);
      if (record) {
        bus.publish(flowId, { type: 'run', run: record.run });
        for (const step of record.steps) bus.publish(flowId, { type: 'step', step });
      }
    } catch (markError) {
      // The next start marks it interrupted instead.
      log.error(`Run ${runId} could not be marked interrupted`, markError);
    }
  }

  async function whenIdle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight.values()].map((r) => r.done));
  }

  return {
    /**
     * Starts a run acting as `user` (their permissions apply to the built-in endpoint). `via`:
     * the Run button (`manual`) or a call to an HTTP trigger's URL (`http`, payload = the request).
     */
    async start(user: RunUser, input: { flowId: string; triggerNodeId?: string | undefined; payload: Json }, via: RunTriggerType = 'manual'): Promise<{ runId: string }> {
      const flow = await flows.get(input.flowId);
      const trigger = chooseTrigger(flow.graph.nodes, input.triggerNodeId);
      const payload = triggerPayload(trigger, input.payload, via);
      // One snapshot of the definitions serves the check and the run.
      const definitions = await customSteps.definitions(flow.workflowId);
      checkReferences(flow, trigger.id, definitions);
      const run: RunSummary = {
        id: deps.newId(),
        flowId: flow.id,
        flowVersion: flow.version,
        status: 'running',
        trigger: { type: via, nodeId: trigger.id },
        userId: user.id,
        actedAs: { id: user.id, name: user.name, email: user.email },
        startedAt: deps.now().toISOString(),
        finishedAt: null,
        durationMs: null,
        error: null,
      };
      await repo.insertRun(run, payload);
      bus.publish(flow.id, { type: 'run', run });

      const controller = new AbortController();
      const credential = credentials.mint({ userId: user.id, runId: run.id });
      const done = runFlow({
        runId: run.id,
        user: run.actedAs,
        flow: { id: flow.id, version: flow.version, graph: flow.graph },
        trigger: { nodeId: trigger.id, payload, type: via },
        endpoints: withRunCredential(createEndpointResolver(deps, flow.workflowId), credential),
        http,
        scripting: {
          customSteps: { get: async (id) => definitions.get(id) },
          scripts,
          constants: () => constants.values(flow.workflowId),
          libraries: () => libraries.sources(flow.workflowId),
        },
        sink: (event) => persist(flow.id, event),
        now: deps.now,
        newId: deps.newId,
        signal: controller.signal,
      })
        .then(() => undefined)
        .catch((error: unknown) => interruptAfterCrash(run.id, flow.id, error))
        .finally(() => {
          credentials.revokeRun(run.id);
          inFlight.delete(run.id);
        });
      inFlight.set(run.id, { flowId: flow.id, controller, done });
      return { runId: run.id };
    },

    list: (flowId: string, limit: number, cursor: string | undefined) => repo.list(flowId, limit, cursor),

    async get(runId: string): Promise<{ run: RunSummary; steps: StepRecord[] }> {
      const record = await repo.get(runId);
      if (!record) throw new FlowyardError('NOT_FOUND', 'Run not found', { details: { runId } });
      return record;
    },

    events: (flowId: string, signal?: AbortSignal) => bus.subscribe(flowId, signal),

    /** Waits up to `timeoutMs` for a run of this process to finish; true when it has (or was not running here). */
    async waitForRun(runId: string, timeoutMs: number): Promise<boolean> {
      const running = inFlight.get(runId);
      if (running === undefined) return true;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.done.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return finished;
    },

    /** At start: runs and steps left `running` by a previous process are `interrupted`. */
    markInterrupted: () => repo.markInterrupted(deps.now()),

    /** Resolves when every run started so far has finished (tests, shutdown). */
    whenIdle,

    /** Stops a flow's runs in flight (before the flow is deleted) and waits for them to wind down. */
    async stopFlow(flowId: string, timeoutMs: number): Promise<void> {
      const runs = [...inFlight.values()].filter((run) => run.flowId === flowId);
      for (const run of runs) run.controller.abort();
      await Promise.race([Promise.all(runs.map((run) => run.done)), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },

    /** Stops runs in flight (they end up `interrupted`) and waits for them up to `timeoutMs`. */
    async stopAll(timeoutMs: number): Promise<void> {
      for (const run of inFlight.values()) run.controller.abort();
      await Promise.race([whenIdle(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;
