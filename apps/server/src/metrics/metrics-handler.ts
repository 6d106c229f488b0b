import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log';
import type { Metrics } from './metrics';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in Prometheus text format, as a plain Node handler: the web app mounts it, and
 * the worker role can serve it from its own small listener (FLOWYARD_WORKER_PORT).
 *
 * Open by default, as Prometheus scrapers expect (keep the port off the internet, or scrape
 * through the private network); with `token` (FLOWYARD_METRICS_TOKEN) a scrape must send
 * `Authorization: Bearer <token>` (Prometheus: `authorization: { credentials: … }`).
 */
export function createMetricsHandler(metrics: Metrics, options: { token?: string | undefined } = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = options.token === undefined || options.token === '' ? undefined : digest(`Bearer ${options.token}`);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (expected !== undefined && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="flowyard-metrics"', 'content-type': 'text/plain; charset=utf-8' }).end('Send the metrics token: Authorization: Bearer …\n');
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      })
      .catch((error: unknown) => {
        log.error('Could not collect the metrics', error);
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The metrics could not be collected; the details are in the log\n');
      });
  };
}
