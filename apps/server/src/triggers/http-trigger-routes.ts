import { can, compileFlow, FlowyardError, isFlowyardError, type Flow, type FlowNodeOf, type UserView } from '@flowyard/engine';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../compose';
import { authenticateApiCaller } from '../builtin/api-caller';
import { sendApiError, sendJson } from '../builtin/api-response';
import { malformedUrlError } from '../http/malformed-url';
import { log } from '../log';
import { parseTriggerBody, UnsupportedBodyError } from './parse-body';
import { BodyTooLargeError, defaultMaxTriggerBodyBytes, readBody } from './read-body';
import { queryParams, triggerHeaders, triggerQuery, wantsToWait } from './trigger-request';
import { outcomeStatus, triggerOutcome } from './trigger-outcome';

/** How long `?wait=true` waits before answering 202 with the run id. */
export const defaultTriggerWaitMs = 30_000;

export interface HttpTriggerOptions {
  maxBodyBytes?: number;
  waitMs?: number;
  /** Headers every trigger answer carries: the security headers Express answers get from helmet. */
  headers?: Readonly<Record<string, string>>;
}

type TriggerServices = Pick<AppServices, 'apiKeys' | 'users' | 'runCredentials' | 'flows' | 'runs'>;

/** Answers a request under `/hooks/` and returns true, or returns false for any other path. */
export type HttpTriggerHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * HTTP triggers (SPEC §6): `POST /hooks/<flowId>/<triggerNodeId>` (GET with a query works too),
 * authenticated with a user's API key; the run acts as that user. Every refusal happens before a
 * run exists: 401 no valid key, 403 disabled user / no `flows.trigger` / role not allowed by the
 * trigger, 404 no such trigger (or `FLOW_DISABLED`: the flow is turned off), 413 body over the limit, 415 unsupported type, 400 bad JSON.
 * Answers 202 `{ runId }`; `?wait=true` waits (bounded) for `{ runId, status, outputs, error }`.
 */
export function createHttpTriggerHandler(services: TriggerServices, options: HttpTriggerOptions = {}): HttpTriggerHandler {
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxTriggerBodyBytes;
  const waitMs = options.waitMs ?? defaultTriggerWaitMs;
  const headers = Object.entries(options.headers ?? {});

  async function findTrigger(flowId: string, nodeId: string): Promise<{ flow: Flow; node: FlowNodeOf<'http-trigger'> }> {
    // Made only when needed: an error's stack trace is not free on every call.
    const notFound = (): FlowyardError => new FlowyardError('NOT_FOUND', `There is no saved HTTP trigger ${nodeId} in flow ${flowId}`);
    let flow;
    try {
      flow = await services.flows.get(flowId);
    } catch (error) {
      if (isFlowyardError(error) && error.code === 'NOT_FOUND') throw notFound();
      throw error;
    }
    const node = flow.graph.nodes.find((candidate) => candidate.id === nodeId);
    if (node === undefined || node.type !== 'http-trigger') throw notFound();
    if (!flow.enabled) throw new FlowyardError('FLOW_DISABLED', `The flow "${flow.name}" is turned off, so its HTTP triggers start nothing; turn it on in the Flows list`);
    return { flow, node };
  }

  async function checkCaller(req: IncomingMessage, trigger: () => Promise<{ flow: Flow; node: FlowNodeOf<'http-trigger'> }>): Promise<{ user: UserView; flow: Flow }> {
    const user = await authenticateApiCaller(services, req.headers, { runCredentials: false });
    if (isFlowyardError(user)) throw user;
    if (!can(user.role, 'flows.trigger')) throw new FlowyardError('FORBIDDEN', 'Your role may not trigger flows', { details: { permission: 'flows.trigger' } });
    const { flow, node } = await trigger();
    if (!node.data.config.allowedRoles.includes(user.role)) {
      throw new FlowyardError('FORBIDDEN', `This trigger does not accept callers with your role (${user.role})`, { details: { allowedRoles: node.data.config.allowedRoles } });
    }
    return { user, flow };
  }

  const handle = async (req: IncomingMessage, res: ServerResponse, { flowId, nodeId }: TriggerIds, url: string): Promise<void> => {
    try {
      const { user, flow } = await checkCaller(req, () => findTrigger(flowId, nodeId));
      // A GET carries its data in the query; a body it might have is ignored.
      const body = req.method === 'GET' ? null : parseTriggerBody(await readBody(req, maxBodyBytes), req.headers['content-type']);
      const params = queryParams(url);
      const payload = { body, headers: triggerHeaders(req.headers), query: triggerQuery(params) };
      const wait = wantsToWait(params);
      let runId: string;
      try {
        ({ runId } = await services.runs.start(user, { flowId, triggerNodeId: nodeId, payload }, 'http', { keepRecord: wait }));
      } catch (error) {
        // The flow itself cannot run (a reference that cannot resolve): the caller's request was fine.
        if (isFlowyardError(error) && error.code === 'VALIDATION_FAILED') return sendApiError(res, error, 422);
        throw error;
      }
      // The finished run's record comes from memory: it is committed before the run counts as finished.
      const record = wait ? await services.runs.waitForRecord(runId, waitMs) : undefined;
      if (record === undefined) return sendJson(res, 202, { runId, status: 'running' });
      const outcome = triggerOutcome(record.run, record.steps, compileFlow(flow.graph).triggers.get(nodeId)?.order ?? []);
      sendJson(res, outcomeStatus(outcome.status), outcome);
    } catch (error) {
      if (!isFlowyardError(error)) return failed(res, error);
      if (error instanceof BodyTooLargeError) {
        // The caller may still be sending; closing is cheaper than reading a flood to its end.
        res.setHeader('Connection', 'close');
        return sendApiError(res, error, 413);
      }
      if (error instanceof UnsupportedBodyError) return sendApiError(res, error, 415);
      if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN') log.info(`HTTP trigger ${flowId ?? ''}/${nodeId ?? ''} refused a caller: ${error.message}`);
      sendApiError(res, error);
    }
  };

  // Ahead of Express (see createApp): its router and parameter machinery were a measurable share
  // of a trigger call, and the two ids are read straight from the path.
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(hooksPrefix)) return false;
    for (const [name, value] of headers) res.setHeader(name, value);
    const ids = triggerIds(url.slice(hooksPrefix.length - 1));
    if (ids === undefined) {
      sendApiError(res, new FlowyardError('NOT_FOUND', 'There is no such HTTP trigger: the URL is /hooks/<flow id>/<trigger id>'));
      return true;
    }
    if (ids === 'malformed') {
      sendApiError(res, malformedUrlError());
      return true;
    }
    // A HEAD (or any other method) must not start a run.
    if (req.method === 'GET' || req.method === 'POST') {
      void handle(req, res, ids, url);
      return true;
    }
    res.setHeader('Allow', 'GET, POST');
    sendApiError(res, new FlowyardError('VALIDATION_FAILED', `HTTP triggers take POST (or GET with a query), not ${req.method ?? ''}`), 405);
    return true;
  };
}

const hooksPrefix = '/hooks/';

interface TriggerIds {
  flowId: string;
  nodeId: string;
}

function failed(res: ServerResponse, error: unknown): void {
  log.error('Unexpected error while serving an HTTP trigger', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Something went wrong on the server; the details are in its log');
}

/** `{ flowId, nodeId }` from `/<flowId>/<nodeId>[?query]` (the path under /hooks), undefined, or 'malformed' (bad percent-encoding). */
function triggerIds(url: string): TriggerIds | 'malformed' | undefined {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const parts = path.split('/');
  // A trailing slash is allowed, as Express routes allow it.
  if (parts.length === 4 && parts[3] === '') parts.pop();
  if (parts.length !== 3 || parts[0] !== '' || !parts[1] || !parts[2]) return undefined;
  // Ids are plain (uuids, node ids): decoding is only needed when something is escaped.
  if (!path.includes('%')) return { flowId: parts[1], nodeId: parts[2] };
  try {
    return { flowId: decodeURIComponent(parts[1]), nodeId: decodeURIComponent(parts[2]) };
  } catch {
    return 'malformed';
  }
}
