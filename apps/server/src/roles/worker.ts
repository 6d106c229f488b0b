import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { log } from '../log';
import { startExecution } from './execution';
import type { RoleContext, StartedRole } from './role-context';

/**
 * Where /metrics plugs in once a metrics registry exists (prom-client, on web and worker alike):
 * answers the request and returns true, or returns false to leave it to the 404.
 */
export type MetricsHook = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * Role `worker`: executes runs from the queue and serves nothing but /healthz (and /metrics when
 * a hook is given) on FLOWYARD_WORKER_PORT: no UI, API or triggers.
 */
export async function startWorker(context: RoleContext, options: { metrics?: MetricsHook } = {}): Promise<StartedRole> {
  const execution = await startExecution(context);
  let stopping = false;
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/healthz') {
        res.writeHead(stopping ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: stopping ? 'stopping' : 'ok', role: 'worker', instance: context.services.runs.instanceId }));
        return;
      }
      if (options.metrics !== undefined && path === '/metrics' && (await options.metrics(req, res))) return;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'A worker serves only /healthz' } }));
    })().catch((error: unknown) => {
      log.error('The worker health endpoint failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const { host, workerPort } = context.config;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (host === undefined) server.listen(workerPort, resolve);
    else server.listen(workerPort, host, resolve);
  });
  const address = server.address();
  log.info(`Flowyard worker ${context.services.runs.instanceId} is running (health on port ${address !== null && typeof address === 'object' ? address.port : workerPort}, ${context.config.workerConcurrency} runs at once)`);
  return {
    async stop() {
      stopping = true;
      await execution.stop();
      server.close();
      server.closeAllConnections();
    },
  };
}
