import type { IntegrationLogRow, Repos } from '@flowyard/db';
import { can, createScrubber, FlowyardError, isFlowyardError, type InboundIntegrationBody, type IntegrationRequest, type Secret, type UserView } from '@flowyard/engine';
import type { IncomingHttpHeaders } from 'node:http';
import { authenticateApiCaller, readCallerKey } from '../builtin/api-caller';
import type { AppServices } from '../compose';
import { log } from '../log';
import { timeOrderedId } from '../persistence/time-ordered-id';
import { httpStatusOf } from '../trpc/error-map';
import { triggerHeaders } from '../triggers/trigger-request';
import type { FlowStarter } from './flow-starter';
import { capLogBody } from './integration-log';
import type { IntegrationAnswer, IntegrationRunner } from './integration-runner';
import { integrationTokenMatches } from './integration-tokens';
import { createRateWindows } from './rate-window';

/** One HTTP request to an inbound integration, as read off the wire. */
export interface InboundCall {
  integrationId: string;
  /** The path segment after the id (URL authentication's token), if any. */
  token: string | undefined;
  method: string;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: string;
}

type CallerServices = Pick<AppServices, 'apiKeys' | 'users' | 'runCredentials'>;

/**
 * Serves inbound integration calls (SPEC §10): authenticates the caller (API key as HTTP
 * triggers take it, or the URL token; then the configured user), runs the script with `request`,
 * answers what it set (default 202 `{ runIds }`), and records the call in the integration's log.
 * A refused call (turned off, 401, 403) is logged too, at most `REFUSALS_LOGGED_PER_MINUTE` per
 * integration so that a caller hammering a wrong token cannot flood the log; a call to an unknown id has no log.
 */
export function createInboundCalls(deps: { repos: Pick<Repos, 'integrations'>; now: () => Date }, { callers, runner, startFlow }: { callers: CallerServices; runner: IntegrationRunner; startFlow: FlowStarter }) {
  const { repos, now } = deps;
  const refusals = createRateWindows(() => now().getTime());

  async function authenticate(call: InboundCall, body: InboundIntegrationBody, tokenHash: string | null): Promise<{ user: UserView; secrets: Secret[] }> {
    if (body.auth.type === 'url') {
      if (call.token === undefined) throw new FlowyardError('UNAUTHORIZED', `This integration takes its token in the URL: /inbound/${call.integrationId}/<token>`);
      if (!integrationTokenMatches(call.token, tokenHash)) throw new FlowyardError('UNAUTHORIZED', 'The token in the URL is not valid (it may have been rotated)');
      const user = await callers.users.findById(body.auth.actAsUserId);
      if (user === undefined) throw new FlowyardError('FORBIDDEN', 'The user this integration acts as no longer exists; choose another in its settings');
      if (user.disabled) throw new FlowyardError('FORBIDDEN', `${user.name}, the user this integration acts as, is disabled`);
      return { user, secrets: [call.token] };
    }
    if (call.token !== undefined) throw new FlowyardError('NOT_FOUND', `This integration authenticates with an API key; call /inbound/${call.integrationId}`);
    const user = await authenticateApiCaller(callers, call.headers, { runCredentials: false });
    if (isFlowyardError(user)) throw user;
    if (!can(user.role, 'flows.trigger')) throw new FlowyardError('FORBIDDEN', 'Your role may not start flows', { details: { permission: 'flows.trigger' } });
    const key = readCallerKey(call.headers);
    return { user, secrets: key === undefined ? [] : [key] };
  }

  return async function handle(call: InboundCall): Promise<IntegrationAnswer> {
    const row = await repos.integrations.get(call.integrationId);
    const body = row?.definition;
    if (row === undefined || body === undefined || body.kind !== 'inbound') throw new FlowyardError('NOT_FOUND', `There is no inbound integration ${call.integrationId}`);
    const at = now().toISOString();
    let caller: { user: UserView; secrets: Secret[] };
    try {
      if (!body.enabled) throw new FlowyardError('NOT_FOUND', `The integration "${body.name}" is turned off`);
      caller = await authenticate(call, body, row.tokenHash);
    } catch (error) {
      if (isFlowyardError(error) && refusals.take(row.id, REFUSALS_LOGGED_PER_MINUTE).allowed) await addLogEntry(refusalEntry(row.id, at, call, error));
      throw error;
    }
    const { user, secrets } = caller;

    const request: IntegrationRequest = { method: call.method, headers: triggerHeaders(call.headers), parameters: parameters(call), body: call.body };
    const runIds: string[] = [];
    const origin = { integrationId: row.id, integrationName: body.name, chain: [row.id] };
    const outcome = await runner.run({
      workflowId: row.workflowId,
      fairnessKey: `integration:${row.id}`,
      body,
      data: { request, callback: null },
      secrets,
      actAs: user,
      startFlow: async (flowName, payload) => {
        const runId = await startFlow({ workflowId: row.workflowId, flowName, payload, user, origin });
        runIds.push(runId);
        return runId;
      },
    });
    const answer = runner.answer(outcome, runIds);
    const scrub = createScrubber(secrets);
    const entry: IntegrationLogRow = {
      id: timeOrderedId(),
      integrationId: row.id,
      at,
      durationMs: outcome.durationMs,
      kind: 'inbound',
      caller: { id: user.id, name: user.name, email: user.email },
      method: call.method,
      event: null,
      sourceRunId: null,
      ...capLogBody(scrub.text(call.body)),
      logs: outcome.logs,
      exchanges: outcome.exchanges,
      outcome: outcome.error === null ? 'succeeded' : 'failed',
      status: answer.status,
      error: outcome.error,
      runIds,
    };
    await addLogEntry(entry);
    return answer;
  };

  // The caller's answer stands whether or not the log could be written.
  async function addLogEntry(entry: IntegrationLogRow): Promise<void> {
    await repos.integrations.addLogEntry(entry).catch((error: unknown) => log.error('An inbound integration call could not be logged', error, { integrationId: entry.integrationId }));
  }
}

/** Refused calls logged per integration and minute; the rest are answered but not logged. */
export const REFUSALS_LOGGED_PER_MINUTE = 60;

/** The log entry of a call refused before its script ran: who called is unknown, and whatever credential it presented is redacted from the body. */
function refusalEntry(integrationId: string, at: string, call: InboundCall, error: FlowyardError): IntegrationLogRow {
  const presented = [call.token, readCallerKey(call.headers)].filter((secret): secret is string => secret !== undefined && secret !== '');
  return {
    id: timeOrderedId(),
    integrationId,
    at,
    durationMs: null,
    kind: 'inbound',
    caller: null,
    method: call.method,
    event: null,
    sourceRunId: null,
    ...capLogBody(createScrubber(presented).text(call.body)),
    logs: [],
    exchanges: [],
    outcome: 'failed',
    status: httpStatusOf(error.code),
    error: { code: error.code, message: error.message },
    runIds: [],
  };
}

export type InboundCalls = ReturnType<typeof createInboundCalls>;

/** `request.parameters`: the query plus the fields of a form-urlencoded body; a repeated one as a list. No prototype. */
function parameters(call: InboundCall): IntegrationRequest['parameters'] {
  const out: IntegrationRequest['parameters'] = Object.create(null);
  const add = (params: URLSearchParams): void => {
    for (const [name, value] of params) {
      const seen = out[name];
      out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
  };
  add(call.query);
  const type = (Array.isArray(call.headers['content-type']) ? call.headers['content-type'][0] : call.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') add(new URLSearchParams(call.body));
  return out;
}
