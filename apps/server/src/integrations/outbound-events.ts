import type { IntegrationLogRow, Repos, WriteGenerations } from '@flowyard/db';
import type { IntegrationCallback, OutboundEvent, OutboundIntegrationBody, StepRecord, UserView } from '@flowyard/engine';
import { log } from '../log';
import { createGenerationCache } from '../persistence/generation-cache';
import { timeOrderedId } from '../persistence/time-ordered-id';
import type { EndedRun } from '../runs/runs-service';
import type { UsersService } from '../users/users-service';
import type { FlowStarter } from './flow-starter';
import { capLogBody } from './integration-log';
import type { IntegrationRunner } from './integration-runner';
import { createRateWindows, type RateTake } from './rate-window';

interface OutboundIntegration {
  id: string;
  workflowId: string;
  body: OutboundIntegrationBody;
}

/** The events one ended run raises: how it ended, and one `step.failed` per failed step. */
function eventsOf(ended: EndedRun): { event: OutboundEvent; step: StepRecord | null }[] {
  const { run, steps } = ended;
  const events: { event: OutboundEvent; step: StepRecord | null }[] = [];
  if (run.status === 'succeeded' || run.status === 'failed' || run.status === 'interrupted') events.push({ event: `run.${run.status}`, step: null });
  for (const step of steps) if (step.status === 'failed') events.push({ event: 'step.failed', step });
  return events;
}

function summaryOf(ended: EndedRun): string {
  const { run } = ended;
  const took = run.durationMs === null ? '' : ` in ${(run.durationMs / 1000).toFixed(1)} s`;
  if (run.status === 'succeeded') return `Run of "${ended.flow.name}" succeeded${took}`;
  return `Run of "${ended.flow.name}" ${run.status}${took}${run.error === null ? '' : `: ${run.error.code}: ${run.error.message}`}`;
}

/**
 * Outbound integrations (SPEC §10): on each run this process ended (its records committed), the
 * workflow's enabled outbound integrations listening to the event run their script with `callback`.
 * Never delays or changes the run; failures are only logged. Loop guard: a run an integration
 * caused (its origin chain names it) never triggers it. Each integration is held to its rate limit
 * per minute, counted in the database and so shared by every worker; the first refusal of a minute
 * is logged as `rate-limited`.
 */
export function createOutboundEvents(
  deps: { repos: Pick<Repos, 'integrations' | 'workflows'>; generations: WriteGenerations; now: () => Date },
  { users, runner, startFlow }: { users: Pick<UsersService, 'findById'>; runner: IntegrationRunner; startFlow: FlowStarter },
) {
  const { repos, now } = deps;
  const outboundOf = createGenerationCache(deps.generations, ['integrations'], async (workflowId: string): Promise<OutboundIntegration[]> => {
    const rows = await repos.integrations.listByWorkflow(workflowId);
    return rows.flatMap((row) => (row.definition.kind === 'outbound' && row.definition.enabled ? [{ id: row.id, workflowId: row.workflowId, body: row.definition }] : []));
  });
  // Only while the database cannot count (it is down): this process's own windows stand in.
  const localRates = createRateWindows(() => now().getTime());

  /** One more event against the integration's limit, counted in the database so that every worker shares it. */
  async function takeRate(integration: OutboundIntegration): Promise<RateTake> {
    const { perMinute } = integration.body.rateLimit;
    const windowStart = new Date(Math.floor(now().getTime() / 60_000) * 60_000).toISOString();
    try {
      const count = await repos.integrations.countInRateWindow(integration.id, windowStart);
      return count <= perMinute ? { allowed: true } : { allowed: false, firstRefusal: count === perMinute + 1 };
    } catch (error) {
      log.error('The rate window of an outbound integration could not be counted; counting in this process', error, { integrationId: integration.id });
      return localRates.take(integration.id, perMinute);
    }
  }
  const pending = new Set<Promise<void>>();

  async function addEntry(entry: IntegrationLogRow): Promise<void> {
    await repos.integrations.addLogEntry(entry).catch((error: unknown) => log.error('An outbound integration call could not be logged', error, { integrationId: entry.integrationId }));
  }

  async function call(integration: OutboundIntegration, ended: EndedRun, event: OutboundEvent, step: StepRecord | null, user: UserView | undefined): Promise<void> {
    const { run, flow } = ended;
    const at = now().toISOString();
    const base = { integrationId: integration.id, at, kind: 'outbound' as const, method: null, event, sourceRunId: run.id, caller: run.actedAs };
    const rate = await takeRate(integration);
    if (!rate.allowed) {
      if (!rate.firstRefusal) return;
      const message = `Rate limit reached (${integration.body.rateLimit.perMinute} per minute): this and further events this minute were skipped`;
      await addEntry({ id: timeOrderedId(), ...base, durationMs: null, body: '', bodyTruncated: false, logs: [], exchanges: [], outcome: 'rate-limited', status: null, error: { code: 'TOO_MANY_REQUESTS', message }, runIds: [] });
      return;
    }
    const workflow = await repos.workflows.get(integration.workflowId);
    const callback: IntegrationCallback = {
      event,
      workflow: { id: integration.workflowId, name: workflow?.name ?? '' },
      flow: { id: flow.id, name: flow.name },
      run: { id: run.id, status: run.status, startedAt: run.startedAt, endedAt: run.finishedAt, summary: summaryOf(ended) },
      step: step === null ? null : { id: step.nodeId, name: step.name, error: step.error === null ? null : { code: step.error.code, message: step.error.message } },
      actedAs: run.actedAs,
    };
    const text = JSON.stringify(callback);
    const runIds: string[] = [];
    const origin = { integrationId: integration.id, integrationName: integration.body.name, chain: [...(run.origin?.chain ?? []), integration.id].slice(-32) };
    const outcome = await runner.run({
      workflowId: integration.workflowId,
      fairnessKey: `integration:${integration.id}`,
      body: integration.body,
      data: { request: { method: 'POST', headers: { 'content-type': 'application/json' }, parameters: {}, body: text }, callback },
      ...(user === undefined ? {} : { actAs: user }),
      startFlow: async (flowName, payload) => {
        if (user === undefined) throw new Error(`The user the run acted as no longer exists, so flows.start cannot act as them`);
        const runId = await startFlow({ workflowId: integration.workflowId, flowName, payload, user, origin });
        runIds.push(runId);
        return runId;
      },
    });
    await addEntry({
      id: timeOrderedId(),
      ...base,
      durationMs: outcome.durationMs,
      ...capLogBody(text),
      logs: outcome.logs,
      exchanges: outcome.exchanges,
      outcome: outcome.error === null ? 'succeeded' : 'failed',
      status: null,
      error: outcome.error,
      runIds,
    });
  }

  async function dispatch(ended: EndedRun): Promise<void> {
    const integrations = await outboundOf.get(ended.flow.workflowId);
    if (integrations.length === 0) return;
    const chain = ended.run.origin?.chain ?? [];
    const calls: { integration: OutboundIntegration; event: OutboundEvent; step: StepRecord | null }[] = [];
    for (const { event, step } of eventsOf(ended)) {
      for (const integration of integrations) {
        const { trigger } = integration.body;
        if (!trigger.events.includes(event) || (trigger.flowId !== null && trigger.flowId !== ended.flow.id)) continue;
        // The loop guard: this run was caused (directly or further up) by the integration itself.
        if (chain.includes(integration.id)) continue;
        calls.push({ integration, event, step });
      }
    }
    if (calls.length === 0) return;
    const user = await users.findById(ended.run.actedAs.id);
    await Promise.all(calls.map(({ integration, event, step }) => call(integration, ended, event, step, user)));
  }

  return {
    /** Hands the run's events to its outbound integrations, in the background. */
    onRunEnded(ended: EndedRun): void {
      const work = dispatch(ended)
        .catch((error: unknown) => log.error('Outbound integrations failed for a run', error, { runId: ended.run.id }))
        .finally(() => pending.delete(work));
      pending.add(work);
    },
    /** Resolves once every outbound call begun so far has finished (tests, shutdown), or after `timeoutMs` when given. */
    async whenIdle(timeoutMs?: number): Promise<void> {
      const idle = (async () => {
        while (pending.size > 0) await Promise.all([...pending]);
      })();
      if (timeoutMs === undefined) return idle;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}

export type OutboundEvents = ReturnType<typeof createOutboundEvents>;
