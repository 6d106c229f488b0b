import {
  compileFlow,
  FlowyardError,
  replayProblems,
  runFlow,
  type CustomStepDefinition,
  type FlowNode,
  type HttpClient,
  type Json,
  type RunEvent,
  type RunOrigin,
  type RunRerun,
  type RunResume,
  type RunSummary,
  type RunTriggerType,
  type RunUser,
  type ScriptRunner,
  type StepRecord,
} from '@flowyard/engine';
import type { Flow } from '@flowyard/engine';
import { randomUUID } from 'node:crypto';
import type { CustomStepsService } from '../custom-steps/custom-steps-service';
import type { RunCredentials } from '../builtin/run-credentials';
import type { Metrics } from '../metrics/metrics';
import { withRunCredential } from '../builtin/run-endpoints';
import type { ServiceDeps } from '../deps';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import type { FlowsService } from '../flows/flows-service';
import { log } from '../log';
import type { ConstantsService } from '../scripting/constants-service';
import type { LibrariesService } from '../scripting/libraries-service';
import { createGenerationCache } from '../persistence/generation-cache';
import { createHeldRecords } from '../persistence/held-records';
import { createRunRecordWriter, type InsertRunOp, type RecordOp } from '../persistence/run-record-writer';
import { timeOrderedId } from '../persistence/time-ordered-id';
import type { WriteBatch } from '../persistence/group-commit';
import { createInlineRunQueue } from '../queue/inline-run-queue';
import type { RunJob, RunQueue } from '../queue/run-queue';
import type { RunListFilter } from '@flowyard/db';
import { checkReferences, chooseTrigger, isTrigger, referencesRefused, triggerPayload } from './admit-run';
import { loadQueuedRun } from './execute-run';
import { interruptionRecord, interruptions } from './interruptions';
import { createLeaseKeeper, defaultLeaseSettings, type LeaseSettings } from './run-lease';
import { createRunWatcher } from './watch-runs';
import type { RunEventBus } from './run-event-bus';
import { runRow, runUpdate, stepRow } from './run-views';
import { createRunHistory } from './run-history';

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
  /** Counts runs and times runs and steps (/metrics). */
  metrics: Metrics;
  /** How long records may wait for company before they are written (group commit; default 0: the next turn). */
  recordFlushMs?: number;
  /**
   * Where admitted runs wait (default: inline, executed here at once). With a shared queue, start
   * writes the run with its job and any worker executes it (executeQueued); waiting and live
   * events then follow the records, whichever instance writes them.
   */
  queue?: RunQueue;
  /** This instance, as lease owner and notice sender (default: a random id). */
  instanceId?: string;
  lease?: LeaseSettings;
}

/**
 * Starts runs in the background through the engine, persisting every run and step
 * record as the engine reports it and publishing it to the flow's subscribers.
 */
export function createRunsService(deps: ServiceDeps, flows: FlowsService, options: RunsServiceOptions) {
  const { http, bus, scripts, customSteps, constants, libraries, credentials, metrics, recordFlushMs } = options;
  const queue = options.queue ?? createInlineRunQueue();
  const shared = queue.mode === 'shared';
  const instanceId = options.instanceId ?? randomUUID();
  const leaseSettings = options.lease ?? defaultLeaseSettings;
  const repo = createRunHistory(deps.store.repos.runs);
  const watcher = createRunWatcher({ history: repo, bus, instanceId });
  const leases = createLeaseKeeper({
    runs: deps.store.repos.runs,
    owner: instanceId,
    settings: leaseSettings,
    now: () => deps.now().getTime(),
    onLost(runIds) {
      // Another worker took these over: this one stops them without writing another record.
      for (const runId of runIds) {
        const entry = inFlight.get(runId);
        if (entry === undefined) continue;
        log.warn(`Run ${runId}: its lease lapsed and another worker took it over; stopping it here`);
        detach(entry);
      }
    },
  });
  const inFlight = new Map<string, InFlightRun>();
  const endedListeners = new Set<(ended: EndedRun) => void>();
  // A kept run's record (start's keepRecord), from its end until its waiter takes it.
  const finished = new Map<string, RunRecord>();
  const keepFinished = (runId: string, record: RunRecord): void => {
    finished.set(runId, record);
    // A caller that never came back must not pin records forever.
    if (finished.size > maxKeptRecords) finished.delete(finished.keys().next().value ?? '');
  };
  // Live subscribers hear a record once it is durable, in the order it was written.
  const writer = createRunRecordWriter(deps.store.runRecords, {
    delayMs: recordFlushMs ?? 0,
    ...(shared ? { noticeFrom: instanceId } : {}),
    committed(ops: WriteBatch<RecordOp>) {
      for (const op of ops) if (op.event !== null && bus.subscriberCount(op.flowId) > 0) bus.publish(op.flowId, op.event);
    },
  });
  const held = createHeldRecords(writer);
  // Flows come from the flows service's cache; definitions are read once per change of any custom step.
  const definitionsOf = createGenerationCache(deps.store.generations, ['custom_steps'], (workflowId: string) => customSteps.definitions(workflowId), 100);

  /**
   * The engine's sink: records queue for the group-commit writer without waiting; the run's
   * final record is waited for, so a finished run (and every record before it) is durable
   * before anyone hears that it finished.
   */
  // A credential that cannot be revoked still expires (15 min at most); the run goes on.
  const revokeRunCredential = (runId: string): Promise<void> =>
    credentials.revokeRun(runId).catch((error: unknown) => log.error('Revoking the run credential failed', error, { runId }));

  function persist(entry: InFlightRun, event: RunEvent): Promise<void> | undefined {
    // A run handed back or taken over elsewhere writes nothing more here.
    if (entry.detached) return undefined;
    // While nobody watches the flow, the `running` snapshot of a step (and the engine's first run
    // record, which repeats the inserted one) waits a few ms for the step's end to replace it;
    // someone watching sees every state as it is written.
    const watched = bus.subscriberCount(entry.flowId) > 0;
    const op: RecordOp =
      event.type === 'step'
        ? { kind: 'upsert-step', runId: entry.runId, flowId: entry.flowId, row: stepRow(event.step), event }
        : { kind: 'update-run', runId: entry.runId, flowId: entry.flowId, set: runUpdate(event.run), event };
    if (event.type === 'step') entry.steps.set(event.step.id, event.step);
    else entry.run = event.run;
    const ended = event.type === 'run' && event.run.status !== 'running';
    if (held.holds(entry.runId)) {
      if (!watched && held.add(op)) {
        if (!ended) return undefined;
        held.release(entry.runId);
        return entry.inserted;
      }
      held.release(entry.runId);
    }
    if (ended) return writer.write(op);
    const snapshot = event.type === 'step' ? event.step.status === 'running' : true;
    if (snapshot && !watched) writer.defer(op);
    else writer.enqueue(op);
    return undefined;
  }

  async function interruptAfterCrash(runId: string, _flowId: string, error: unknown): Promise<void> {
    log.error('The run stopped unexpectedly', error, { runId });
    try {
      held.release(runId);
      await writer.flush();
      await repo.markInterrupted(deps.now(), interruptionRecord(interruptions.crashed()), runId);
      const record = await repo.get(runId);
      if (record) {
        bus.publish(record.run.flowId, { type: 'run', run: record.run });
        for (const step of record.steps) bus.publish(record.run.flowId, { type: 'step', step });
      }
    } catch (markError) {
      // The next start marks it interrupted instead.
      log.error('The run could not be marked interrupted', markError, { runId });
    }
  }

  /** Starts the engine on a run (admitted here, or taken from the queue) and tracks it until it ends. */
  function launch(input: {
    run: RunSummary;
    flow: Flow;
    trigger: FlowNode;
    payload: Json;
    user: RunUser;
    definitions: ReadonlyMap<string, CustomStepDefinition>;
    inserted: Promise<void>;
    keepRecord: boolean;
    leased: boolean;
    resume?: RunResume;
    rerun?: RunRerun;
  }): InFlightRun {
    const { run, flow, trigger, payload, user, definitions } = input;
    metrics.runStarted();
    const controller = new AbortController();
    const entry: InFlightRun = {
      runId: run.id,
      flowId: flow.id,
      controller,
      done: Promise.resolve(),
      inserted: input.inserted,
      run,
      steps: new Map(),
      keepRecord: input.keepRecord,
      leased: input.leased,
      detached: false,
    };
    let credential: Promise<string> | undefined;
    const runCredential = (): Promise<string> => (credential ??= credentials.mint({ userId: user.id, runId: run.id }));
    entry.done = runFlow({
      runId: run.id,
      user: run.actedAs,
      flow: { id: flow.id, version: flow.version, graph: flow.graph },
      trigger: { nodeId: trigger.id, payload, type: run.trigger.type },
      endpoints: withRunCredential(createEndpointResolver(deps, flow.workflowId), runCredential),
      http,
      scripting: {
        customSteps: { get: async (id) => definitions.get(id) },
        scripts,
        constants: () => constants.values(flow.workflowId),
        libraries: () => libraries.sources(flow.workflowId),
      },
      // Not async: a record that needs no revocation costs no extra promise and tick (see runFlow).
      sink: (event) => {
        metrics.observe(event);
        // Revoked before the run's end is recorded, so nobody told the run ended can still use it.
        if (event.type === 'run' && event.run.status !== 'running' && credential !== undefined) return revokeRunCredential(run.id).then(() => persist(entry, event));
        return persist(entry, event);
      },
      now: deps.now,
      // Time-ordered ids append to the records' indexes (see time-ordered-id.ts).
      newId: () => timeOrderedId(),
      // The run's own controller: stopFlow and stopAll abort it, and so does the runner on a sink failure.
      abortController: controller,
      ...(input.resume === undefined ? {} : { resume: input.resume }),
      ...(input.rerun === undefined ? {} : { rerun: input.rerun }),
      ...(run.origin === undefined ? {} : { origin: run.origin }),
    })
      .then(() => {
        if (entry.detached) return;
        if (entry.keepRecord) keepFinished(run.id, recordOf(entry));
        // Its end is committed by now (the sink waited for it): listeners may read and act on it.
        if (endedListeners.size > 0) {
          const ended = { ...recordOf(entry), flow };
          for (const listener of endedListeners) listener(ended);
        }
      })
      .catch((error: unknown) => (entry.detached ? undefined : interruptAfterCrash(run.id, flow.id, error)))
      .finally(() => {
        // Again for a run that crashed before its end was recorded.
        if (credential !== undefined) void revokeRunCredential(run.id);
        writer.forget(run.id);
        inFlight.delete(run.id);
        if (shared) watcher.endedHere(run.id);
      });
    inFlight.set(run.id, entry);
    return entry;
  }

  /** Stops a run here without another record: it was handed back or taken over, and its next attempt writes on. */
  function detach(entry: InFlightRun): void {
    entry.detached = true;
    leases.drop(entry.runId);
    entry.controller.abort(interruptions.serverStopped());
  }

  /**
   * Records a run (checked by the caller) and starts it here, or, with a shared queue, writes it
   * with its job for a worker. Acknowledged only once its record is committed.
   */
  async function admit(input: {
    user: RunUser;
    flow: Flow;
    trigger: FlowNode;
    payload: Json;
    via: RunTriggerType;
    definitions: ReadonlyMap<string, CustomStepDefinition>;
    keepRecord: boolean;
    rerun?: RunRerun;
    origin?: RunOrigin | undefined;
  }): Promise<{ runId: string }> {
    const { user, flow, trigger, payload, via, definitions, keepRecord, rerun, origin } = input;
    const run: RunSummary = {
      id: timeOrderedId(),
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
      attempt: 1,
      rerunOf: rerun === undefined ? null : { runId: rerun.runId, fromNodeId: rerun.from?.nodeId ?? null },
      ...(origin === undefined ? {} : { origin }),
    };
    // The run record is queued first, so every record the engine reports lands after it. A caller
    // who waits for the end hears nothing before it, so while nobody watches, a short run's
    // records are held and written together once it ends (see held-records.ts).
    const insert: InsertRunOp = { kind: 'insert-run', runId: run.id, flowId: flow.id, row: runRow(run, flow.workflowId, payload), event: { type: 'run', run } };
    if (shared) {
      // Written with its job in one transaction: acknowledged means some worker will run it.
      await writer.write({ ...insert, admit: true }).catch(throwNotRecorded);
      writer.forget(run.id);
      return { runId: run.id };
    }
    const inserted = keepRecord && bus.subscriberCount(flow.id) === 0 ? held.hold(insert) : writer.write(insert);

    const entry = launch({ run, flow, trigger, payload, user, definitions, inserted, keepRecord, leased: false, ...(rerun === undefined ? {} : { rerun }) });
    // A run that cannot be recorded stops.
    inserted.catch((error: unknown) => entry.controller.abort(error));
    // Acknowledged only once its record is committed; otherwise the caller hears why, and no run id.
    // A caller keeping the record waits for the run's end instead (waitForRecord), which comes
    // after every record of it is committed.
    if (!entry.keepRecord) await inserted.catch(throwNotRecorded);
    return { runId: run.id };
  }

  async function whenIdle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight.values()].map((r) => r.done));
    held.releaseAll();
    await writer.flush();
  }

  return {
    /**
     * Starts a run acting as `user` (their permissions apply to the built-in endpoint). `via`:
     * the Run button (`manual`) or a call to an HTTP trigger's URL (`http`, payload = the request).
     * `keepRecord`: the caller will ask `waitForRecord` for the finished record (kept in memory
     * until it does, so a run that ends before the caller asks is not read back).
     */
    async start(
      user: RunUser,
      input: { flowId: string; triggerNodeId?: string | undefined; payload: Json },
      via: RunTriggerType = 'manual',
      options: { keepRecord?: boolean; origin?: RunOrigin } = {},
    ): Promise<{ runId: string }> {
      const flow = await flows.get(input.flowId);
      const trigger = chooseTrigger(flow.graph.nodes, input.triggerNodeId);
      const payload = triggerPayload(trigger, input.payload, via);
      // One snapshot of the definitions serves the check and the run.
      const definitions = await definitionsOf.get(flow.workflowId);
      checkReferences(flow, trigger.id, definitions);
      return admit({ user, flow, trigger, payload, via, definitions, keepRecord: options.keepRecord === true, origin: options.origin });
    },

    /**
     * Hears every run this process executed (inline or from the queue) once its end is committed;
     * outbound integrations start here. A listener must not throw or block. Returns the unsubscribe.
     */
    onRunEnded(listener: (ended: EndedRun) => void): () => void {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },

    /**
     * Starts a new run of the flow's current version with a past run's trigger payload, acting as
     * `user`. `fromNodeId`: start at that step; the others are not executed but replay their
     * outputs from the past run, and a run those outputs no longer fit is refused before it starts.
     */
    async rerun(user: RunUser, input: { runId: string; fromNodeId?: string | undefined }): Promise<{ runId: string }> {
      const past = await repo.getWithPayload(input.runId);
      if (!past) throw new FlowyardError('NOT_FOUND', 'Run not found', { details: { runId: input.runId } });
      const flow = await flows.get(past.run.flowId);
      const trigger = flow.graph.nodes.find((node) => node.id === past.run.trigger.nodeId && isTrigger(node));
      if (trigger === undefined) {
        const message = 'The trigger this run started from is no longer in the flow';
        throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'runId', message }] });
      }
      const definitions = await definitionsOf.get(flow.workflowId);
      checkReferences(flow, trigger.id, definitions);
      const rerun: RunRerun = { runId: past.run.id };
      if (input.fromNodeId !== undefined) {
        const from = { nodeId: input.fromNodeId, steps: past.steps };
        const compiled = compileFlow(flow.graph);
        if (!(compiled.triggers.get(trigger.id)?.order ?? []).includes(input.fromNodeId)) {
          const message = "That step is no longer in the flow (or no longer reached from the run's trigger)";
          throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'fromNodeId', message }] });
        }
        const problems = replayProblems(flow.graph, trigger.id, { runId: past.run.id, from }, compiled, (id) => definitions.get(id));
        if (problems.length > 0) throw referencesRefused(flow, problems, (count) => `The flow no longer fits the outputs recorded by run ${past.run.id}: ${count}`);
        rerun.from = from;
      }
      // The payload as stored: an HTTP call's envelope stays as it came.
      return admit({ user, flow, trigger, payload: past.payload, via: 'manual', definitions, keepRecord: false, rerun });
    },

    /**
     * Stops a run as `user`: its running steps are cancelled and it ends `interrupted` with
     * RUN_STOPPED, saying who stopped it. CONFLICT once it has ended. A run executing on another
     * worker is ended in the records; that worker's lease renewal then fails and it stops the run
     * without writing more.
     */
    async stop(user: RunUser, runId: string): Promise<RunSummary> {
      const stoppedBy = { id: user.id, name: user.name, email: user.email };
      const reason = new FlowyardError('RUN_STOPPED', `Stopped by ${user.name}`, { details: { stoppedBy } });
      const running = inFlight.get(runId);
      if (running !== undefined && !running.detached) {
        running.controller.abort(reason);
        await raceTimeout(running.done, 10_000);
        return running.run;
      }
      const record = await repo.get(runId);
      if (!record) throw new FlowyardError('NOT_FOUND', 'Run not found', { details: { runId } });
      if (record.run.status !== 'running') {
        throw new FlowyardError('CONFLICT', `The run has already ended (${record.run.status})`, { details: { runId, status: record.run.status } });
      }
      await repo.markInterrupted(deps.now(), { code: reason.code, message: reason.message, details: { stoppedBy } }, runId);
      const ended = await repo.get(runId);
      if (ended) {
        bus.publish(ended.run.flowId, { type: 'run', run: ended.run });
        for (const step of ended.steps) bus.publish(ended.run.flowId, { type: 'step', step });
      }
      return ended?.run ?? record.run;
    },

    /**
     * Executes one attempt of a run from the shared queue (a worker): claims its lease, reads it
     * back, and runs it, resuming after the steps an earlier attempt finished. Never rejects.
     */
    async executeQueued(job: RunJob): Promise<void> {
      try {
        if (!(await leases.claim(job.runId, job.attempt))) return;
      } catch (error) {
        // Its lease stays unclaimed; the job is gone, so the run is taken over once noticed (see readmitLapsed).
        log.error(`Run ${job.runId} could not be claimed`, error);
        return;
      }
      let entry: InFlightRun | undefined;
      try {
        const loaded = await loadQueuedRun({ runs: deps.store.repos.runs, flows, job, maxAttempts: leaseSettings.maxAttempts });
        if (loaded === undefined) return;
        const definitions = await definitionsOf.get(loaded.flow.workflowId);
        entry = launch({ ...loaded, definitions, inserted: Promise.resolve(), keepRecord: false, leased: true });
        await entry.done;
      } catch (error) {
        log.error(`Run ${job.runId} could not be started`, error);
        await interruptAfterCrash(job.runId, '', error);
      } finally {
        leases.drop(job.runId);
      }
    },

    list: (filter: RunListFilter, limit: number, cursor: string | undefined) => repo.list(filter, limit, cursor),

    count: (filter: RunListFilter) => repo.count(filter),

    reruns: (runId: string) => repo.reruns(runId),

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
      return (await raceTimeout(running.done.then(() => true), timeoutMs)) ?? false;
    },

    /**
     * Waits up to `timeoutMs` for a run started by this process to finish, and returns its
     * record as committed (from memory: no read back); undefined while it is still running.
     * RUN_INTERRUPTED when the run could not be recorded: it must not be acknowledged then.
     */
    async waitForRecord(runId: string, timeoutMs: number): Promise<RunRecord | undefined> {
      const running = inFlight.get(runId);
      // Executed by a worker (or by this process from the queue): the records say when it ends.
      if (shared && (running === undefined || running.leased)) return watcher.waitForEnd(runId, timeoutMs);
      if (running !== undefined && (await raceTimeout(running.done.then(() => true), timeoutMs)) === undefined) {
        // Still running: the caller may tell its caller the run exists once its record does.
        await running.inserted.catch(throwNotRecorded);
        return undefined;
      }
      const record = finished.get(runId);
      finished.delete(runId);
      // Over, and neither kept nor in the database: its records could not be written.
      return record ?? (await repo.get(runId)) ?? throwNotRecorded(undefined);
    },

    /**
     * At start: runs and steps left `running` by a previous process are `interrupted`. Not with a
     * shared queue: other instances' runs are running there, and a run whose worker stopped is
     * taken over once its lease lapses (the lease reaper).
     */
    markInterrupted: async () => (shared ? 0 : repo.markInterrupted(deps.now(), interruptionRecord(interruptions.serverStopped()))),

    /** Notices of other instances' records, for live events and waits here (shared queue only). */
    watcher,

    /** The queue runs wait in, and this instance's id. */
    queue,
    instanceId,

    /** Renews the leases of the runs this worker executes until `drain` (a worker, shared queue). */
    startLeases: () => leases.start(),

    /**
     * A worker stopping (SIGTERM): the runs it executes get up to `timeoutMs` to finish; those still
     * going are handed back to the queue as their next attempt (what they recorded so far kept, the
     * lease released), so none ends interrupted. Stop taking jobs first.
     */
    async drain(timeoutMs: number): Promise<{ finished: number; handedBack: number }> {
      const leased = (): InFlightRun[] => [...inFlight.values()].filter((run) => run.leased && !run.detached);
      const before = leased().length;
      await raceTimeout(
        (async () => {
          while (leased().length > 0) await Promise.all(leased().map((run) => run.done));
        })(),
        timeoutMs,
      );
      const left = leased();
      for (const run of left) run.detached = true;
      // What they recorded so far is durable before another worker resumes them.
      await writer.flush();
      const handedBack = left.length === 0 ? 0 : await queue.handBack(instanceId, left.map((run) => run.runId));
      for (const run of left) detach(run);
      await Promise.all(left.map((run) => run.done));
      await leases.stop();
      return { finished: before - left.length, handedBack };
    },

    /** Resolves when every run started so far has finished (tests, shutdown). */
    whenIdle,

    /** Stops a flow's runs in flight (before the flow is deleted) and waits for them to wind down. */
    async stopFlow(flowId: string, timeoutMs: number): Promise<void> {
      const runs = [...inFlight.values()].filter((run) => run.flowId === flowId);
      for (const run of runs) run.controller.abort(interruptions.flowDeleted());
      await Promise.race([Promise.all(runs.map((run) => run.done)), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },

    /** Stops runs in flight (they end up `interrupted`) and waits for them up to `timeoutMs`. */
    async stopAll(timeoutMs: number): Promise<void> {
      for (const run of inFlight.values()) run.controller.abort(interruptions.serverStopped());
      await Promise.race([whenIdle(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      held.releaseAll();
      await writer.flush();
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;

type RunRecord = { run: RunSummary; steps: StepRecord[] };

/** A run that ended here, its records as committed, and the flow it ran. */
export type EndedRun = RunRecord & { flow: Flow };

/** A run whose record could not be written is never acknowledged: its caller hears this instead of a run id. */
function throwNotRecorded(cause: unknown): never {
  // The writer logged the cause; the caller gets no internals.
  throw new FlowyardError('RUN_INTERRUPTED', 'The run could not be recorded, so it was stopped; nothing of it was kept. Try again', { cause });
}

const maxKeptRecords = 10_000;

interface InFlightRun {
  runId: string;
  flowId: string;
  controller: AbortController;
  done: Promise<void>;
  /** Resolves once the run record is committed. */
  inserted: Promise<void>;
  /** The latest run and step records the engine reported. */
  run: RunSummary;
  steps: Map<string, StepRecord>;
  /** Whether its finished record is kept for a waitForRecord caller. */
  keepRecord: boolean;
  /** Taken from the shared queue under a lease (else admitted and run here). */
  leased: boolean;
  /** Handed back or taken over elsewhere: its further records are not written here. */
  detached: boolean;
}

/** The run's record as `runs.get` would read it: steps by start time, then id. */
function recordOf(entry: InFlightRun): RunRecord {
  const steps = [...entry.steps.values()].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { run: entry.run, steps };
}

/** `work`'s value, or undefined once `timeoutMs` passed first. */
async function raceTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))]);
  } finally {
    clearTimeout(timer);
  }
}
