import { FlowyardError, inboundPathPrefix, isFlowyardError } from '@flowyard/engine';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendApiError } from '../builtin/api-response';
import { malformedUrlError } from '../http/malformed-url';
import { log } from '../log';
import { BodyTooLargeError, defaultMaxTriggerBodyBytes, readBody } from '../triggers/read-body';
import { queryParams } from '../triggers/trigger-request';
import type { InboundCalls } from './inbound-calls';

/** Answers a request under `/inbound/` and returns true, or returns false for any other path. */
export type InboundHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Inbound integrations' URLs: `/inbound/<integration id>` (API key) and `/inbound/<id>/<token>`
 * (URL authentication), any method. Bodies up to 1 MiB (413 over it), read as UTF-8 text.
 */
export function createInboundHandler(handle: InboundCalls, options: { maxBodyBytes?: number; headers?: Readonly<Record<string, string>> } = {}): InboundHandler {
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxTriggerBodyBytes;
  const headers = Object.entries(options.headers ?? {});

  const serve = async (req: IncomingMessage, res: ServerResponse, target: { integrationId: string; token: string | undefined }, url: string): Promise<void> => {
    try {
      const body = (await readBody(req, maxBodyBytes)).toString('utf8');
      const answer = await handle({ ...target, method: (req.method ?? 'GET').toUpperCase(), headers: req.headers, query: queryParams(url), body });
      res.writeHead(answer.status, { 'Cache-Control': 'no-store', ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    } catch (error) {
      if (!isFlowyardError(error)) {
        log.error('Unexpected error while serving an inbound integration', error);
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end('Something went wrong on the server; the details are in its log');
      }
      if (error instanceof BodyTooLargeError) {
        res.setHeader('Connection', 'close');
        return sendApiError(res, error, 413);
      }
      if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN') log.info(`Inbound integration ${target.integrationId} refused a caller: ${error.message}`);
      sendApiError(res, error);
    }
  };

  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(inboundPathPrefix)) return false;
    for (const [name, value] of headers) res.setHeader(name, value);
    const target = inboundTarget(url.slice(inboundPathPrefix.length - 1));
    if (target === undefined) {
      sendApiError(res, new FlowyardError('NOT_FOUND', 'There is no such integration: the URL is /inbound/<integration id>[/<token>]'));
      return true;
    }
    if (target === 'malformed') {
      sendApiError(res, malformedUrlError());
      return true;
    }
    void serve(req, res, target, url);
    return true;
  };
}

/** `{ integrationId, token? }` from `/<id>[/<token>][?query]`, undefined, or 'malformed' (bad percent-encoding). */
function inboundTarget(url: string): { integrationId: string; token: string | undefined } | 'malformed' | undefined {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const parts = path.split('/');
  if (parts.at(-1) === '' && parts.length > 2) parts.pop();
  if (parts[0] !== '' || parts.length < 2 || parts.length > 3 || !parts[1] || parts[2] === '') return undefined;
  try {
    return { integrationId: decodeURIComponent(parts[1]), token: parts[2] === undefined ? undefined : decodeURIComponent(parts[2]) };
  } catch {
    return 'malformed';
  }
}
