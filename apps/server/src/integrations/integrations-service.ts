import type { IntegrationEndpointRefRow, IntegrationRow, UnitRepos } from '@flowyard/db';
import {
  customStepEndpointNames,
  endpointNameKey,
  FlowyardError,
  inboundPath,
  type IntegrationBody,
  type IntegrationCallback,
  type IntegrationLogPage,
  type IntegrationRequest,
  type IntegrationSaved,
  type IntegrationTestResult,
  type IntegrationView,
  type Json,
  type RunUser,
  redactHeaders,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import type { FlowsService } from '../flows/flows-service';
import type { UsersService } from '../users/users-service';
import type { WorkflowsService } from '../workflows/workflows-service';
import type { IntegrationRunner } from './integration-runner';
import { decodeLogCursor, encodeLogCursor, toLogEntry } from './integration-log';
import { hashIntegrationToken, newIntegrationToken } from './integration-tokens';

export interface IntegrationsServiceOptions {
  workflows: WorkflowsService;
  users: Pick<UsersService, 'findById'>;
  flows: Pick<FlowsService, 'get'>;
  runner: IntegrationRunner;
}

/** The usage-index rows of an integration's script: each endpoint name it writes literally. */
export function integrationRefRows(integrationId: string, workflowId: string, body: Pick<IntegrationBody, 'script'>): IntegrationEndpointRefRow[] {
  return customStepEndpointNames({ script: body.script, includeEndpoint: false, endpointLabel: '' }).map((name) => ({
    integrationId,
    workflowId,
    endpointNameKey: name.nameKey,
    endpointName: name.name,
    occurrences: name.occurrences,
  }));
}

export function integrationNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Integration not found', { details: { id } });
}

/** Header names as a real call's `request.headers` has them: lower-case. */
const lowerCaseNames = (headers: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

const invalid = (path: string, message: string): FlowyardError => new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

/** A sample outbound event for `integrations.test` when none is given. */
function sampleCallback(body: IntegrationBody, user: RunUser, now: Date): IntegrationCallback {
  const event = body.kind === 'outbound' ? (body.trigger.events[0] ?? 'run.failed') : 'run.failed';
  const at = now.toISOString();
  return {
    event,
    workflow: { id: 'sample-workflow', name: 'Sample workflow' },
    flow: { id: 'sample-flow', name: 'Sample flow' },
    run: { id: 'sample-run', status: event === 'run.succeeded' ? 'succeeded' : event === 'run.interrupted' ? 'interrupted' : 'failed', startedAt: at, endedAt: at, summary: 'A sample run for testing the script' },
    step: event === 'step.failed' ? { id: 'sample-step', name: 'Sample step', error: { code: 'HTTP_CONNECT_FAILED', message: 'Could not connect' } } : null,
    actedAs: user,
  };
}

/**
 * Inbound and outbound integrations (SPEC §10): their definitions, URL tokens (made here, shown
 * once, stored hashed), logs and test runs. Calls themselves are served by inbound-calls.ts and
 * outbound-events.ts through the same runner.
 */
export function createIntegrationsService(deps: ServiceDeps, { workflows, users, flows, runner }: IntegrationsServiceOptions) {
  const { store, now, newId } = deps;

  async function findRow(repos: Pick<UnitRepos, 'integrations'>, id: string): Promise<IntegrationRow> {
    const row = await repos.integrations.get(id);
    if (!row) throw integrationNotFound(id);
    return row;
  }

  async function toView(row: IntegrationRow): Promise<IntegrationView> {
    const body = row.definition;
    let actAs: RunUser | null = null;
    if (body.kind === 'inbound' && body.auth.type === 'url') {
      const user = await users.findById(body.auth.actAsUserId);
      actAs = user === undefined ? null : { id: user.id, name: user.name, email: user.email };
    }
    return {
      id: row.id,
      workflowId: row.workflowId,
      integration: body,
      path: body.kind === 'inbound' ? inboundPath(row.id) : null,
      tokenCreatedAt: body.kind === 'inbound' && body.auth.type === 'url' ? row.tokenCreatedAt : null,
      actAs,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  /** Checks what the schema cannot: a unique name, an existing user to act as, a flow of the workflow. */
  async function check(repos: Pick<UnitRepos, 'integrations'>, workflowId: string, body: IntegrationBody, selfId: string | null): Promise<void> {
    const clash = await repos.integrations.findByNameKey(workflowId, endpointNameKey(body.name));
    if (clash && clash.id !== selfId) throw invalid('integration.name', `An integration named "${clash.name}" already exists in this workflow (names are not case-sensitive)`);
    if (body.kind === 'inbound' && body.auth.type === 'url') {
      const user = await users.findById(body.auth.actAsUserId);
      if (user === undefined) throw invalid('integration.auth.actAsUserId', 'That user does not exist');
      if (user.disabled) throw invalid('integration.auth.actAsUserId', `${user.name} is disabled; choose another user`);
    }
    if (body.kind === 'outbound' && body.trigger.flowId !== null) {
      const flow = await flows.get(body.trigger.flowId).catch(() => undefined);
      if (flow === undefined || flow.workflowId !== workflowId) throw invalid('integration.trigger.flowId', 'That flow is not in this workflow');
    }
  }

  const needsToken = (body: IntegrationBody): boolean => body.kind === 'inbound' && body.auth.type === 'url';

  async function saved(row: IntegrationRow, token: string | null): Promise<IntegrationSaved> {
    return { integration: await toView(row), token, tokenPath: token === null ? null : inboundPath(row.id, token) };
  }

  return {
    async list(workflowId: string): Promise<IntegrationView[]> {
      return Promise.all((await store.repos.integrations.listByWorkflow(workflowId)).map(toView));
    },

    async get(id: string): Promise<IntegrationView> {
      return toView(await findRow(store.repos, id));
    },

    async create(input: { workflowId: string; integration: IntegrationBody }): Promise<IntegrationSaved> {
      await workflows.require(input.workflowId);
      const body = input.integration;
      const token = needsToken(body) ? newIntegrationToken() : null;
      const at = now().toISOString();
      const row: IntegrationRow = {
        id: newId(),
        workflowId: input.workflowId,
        kind: body.kind,
        name: body.name,
        nameKey: endpointNameKey(body.name),
        definition: body,
        tokenHash: token === null ? null : hashIntegrationToken(token),
        tokenCreatedAt: token === null ? null : at,
        createdAt: at,
        updatedAt: at,
      };
      await store.unitOfWork(async (tx) => {
        await check(tx.repos, input.workflowId, body, null);
        await tx.repos.integrations.insert(row, integrationRefRows(row.id, row.workflowId, body));
      });
      return saved(row, token);
    },

    async update(input: { id: string; integration: IntegrationBody }): Promise<IntegrationSaved> {
      const body = input.integration;
      const { row, token } = await store.unitOfWork(async (tx) => {
        const current = await findRow(tx.repos, input.id);
        if (current.kind !== body.kind) throw invalid('integration.kind', `An integration's kind cannot change (this one is ${current.kind})`);
        await check(tx.repos, current.workflowId, body, current.id);
        // A token is made when URL authentication is turned on, and dropped when it is turned off.
        const fresh = needsToken(body) && current.tokenHash === null ? newIntegrationToken() : null;
        const at = now().toISOString();
        const tokenFields = !needsToken(body)
          ? { tokenHash: null, tokenCreatedAt: null }
          : fresh !== null
            ? { tokenHash: hashIntegrationToken(fresh), tokenCreatedAt: at }
            : { tokenHash: current.tokenHash, tokenCreatedAt: current.tokenCreatedAt };
        const next: IntegrationRow = { ...current, name: body.name, nameKey: endpointNameKey(body.name), definition: body, ...tokenFields, updatedAt: at };
        await tx.repos.integrations.update(current.id, next, integrationRefRows(current.id, current.workflowId, body));
        return { row: next, token: fresh };
      });
      return saved(row, token);
    },

    async delete(id: string): Promise<{ id: string }> {
      await store.unitOfWork(async (tx) => {
        await findRow(tx.repos, id);
        await tx.repos.integrations.delete(id);
      });
      return { id };
    },

    /** A new URL token; the old one is refused from now on. */
    async rotate(id: string): Promise<IntegrationSaved> {
      const token = newIntegrationToken();
      const row = await store.unitOfWork(async (tx) => {
        const current = await findRow(tx.repos, id);
        if (!needsToken(current.definition)) throw invalid('id', 'Only an inbound integration with URL authentication has a token to rotate');
        const at = now().toISOString();
        const next: IntegrationRow = { ...current, tokenHash: hashIntegrationToken(token), tokenCreatedAt: at, updatedAt: at };
        await tx.repos.integrations.update(id, { tokenHash: next.tokenHash, tokenCreatedAt: at, updatedAt: at }, integrationRefRows(id, current.workflowId, current.definition));
        return next;
      });
      return saved(row, token);
    },

    async log(input: { integrationId: string; cursor?: string | null | undefined; limit: number }): Promise<IntegrationLogPage> {
      await findRow(store.repos, input.integrationId);
      const after = input.cursor ? decodeLogCursor(input.cursor) : undefined;
      const rows = await store.repos.integrations.logPage(input.integrationId, input.limit + 1, after);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return { entries: page.map(toLogEntry), nextCursor: rows.length > input.limit && last ? encodeLogCursor(last) : null };
    },

    /** Runs the script once with a sample request or callback, as `user`; nothing is recorded and flows.start starts nothing. */
    async test(user: RunUser, input: { workflowId: string; integration: IntegrationBody; request?: IntegrationRequest | undefined; callback?: IntegrationCallback | undefined }): Promise<IntegrationTestResult> {
      await workflows.require(input.workflowId);
      const body = input.integration;
      const flowStarts: IntegrationTestResult['flowStarts'] = [];
      const callback = body.kind === 'outbound' ? (input.callback ?? sampleCallback(body, user, now())) : null;
      const request =
        callback !== null
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, parameters: {}, body: JSON.stringify(callback) }
          : { ...(input.request ?? { method: 'POST', headers: {}, parameters: {}, body: '' }), headers: redactHeaders(lowerCaseNames(input.request?.headers ?? {})) };
      const outcome = await runner.run({
        workflowId: input.workflowId,
        fairnessKey: `integration-test:${input.workflowId}`,
        body,
        data: { request, callback },
        actAs: user,
        startFlow: async (flowName: string, payload: Json) => {
          flowStarts.push({ flowName, payload });
          return `test-run-${flowStarts.length}`;
        },
      });
      const runIds = flowStarts.map((_, index) => `test-run-${index + 1}`);
      return { response: runner.answer(outcome, runIds), flowStarts, logs: outcome.logs, exchanges: outcome.exchanges, error: outcome.error, durationMs: outcome.durationMs };
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
