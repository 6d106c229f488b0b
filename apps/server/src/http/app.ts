import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppServices } from '../compose';
import { sendApiError } from '../builtin/api-response';
import { log } from '../log';
import { createMetricsHandler } from '../metrics/metrics-handler';
import { mountOAuthCallback } from '../oauth/callback-route';
import { mountRestApi } from '../rest-api/rest-api-routes';
import { createInboundHandler } from '../integrations/inbound-route';
import { createHttpTriggerHandler, type HttpTriggerOptions } from '../triggers/http-trigger-routes';
import { appRouter } from '../trpc/app-router';
import { createContext } from '../trpc/create-context';
import { isMalformedUrl, malformedUrlError } from './malformed-url';
import { retryAfterMeta } from '../trpc/retry-after';
import { securityHeaderOptions, staticSecurityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

/** Large enough for a 500-step graph or a 1 MB test payload, small enough to refuse floods. */
const maxBodyBytes = 5 * 1024 * 1024;

export interface AppOptions {
  services: AppServices;
  webDist: string;
  triggers?: HttpTriggerOptions;
}

/** The server's request listener, and a way to listen with it. */
export interface FlowyardApp {
  (req: IncomingMessage, res: ServerResponse): void;
  listen(port: number, host?: string): Server;
}

/** The one origin: tRPC under /trpc (HTTP and SSE), /healthz, /metrics, the Connect callback (/oauth/callback), HTTP triggers (/hooks), inbound integrations (/inbound), the REST API (/api/v1), and the built web app. */
export function createApp({ services, webDist, triggers }: AppOptions): FlowyardApp {
  const app = express();
  app.disable('x-powered-by');
  const security = securityHeaderOptions(services.auth.publicUrl);
  // Every Express answer; HTTP triggers (around Express) get the same headers, worked out once.
  app.use(helmet(security));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // Prometheus text format; open unless FLOWYARD_METRICS_TOKEN is set (see metrics-handler.ts).
  const metrics = createMetricsHandler(services.metrics, { token: services.metricsToken });
  app.get('/metrics', (req, res) => metrics(req, res));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createContext(services, req, res),
      maxBodySize: maxBodyBytes,
      responseMeta: ({ errors }) => retryAfterMeta(errors),
      // Procedure failures are logged by the error middleware; this catches context failures.
      onError: ({ error, ctx }) => {
        if (ctx === undefined && error.code === 'INTERNAL_SERVER_ERROR') log.error('Could not build the request context', error.cause ?? error);
      },
    }),
  );
  mountOAuthCallback(app, services);
  mountRestApi(app, services);
  serveWebApp(app, webDist);
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // A bad URL is the caller's mistake: a 400 they can read, and no stack in the log.
    if (isMalformedUrl(error)) return sendApiError(res, malformedUrlError());
    log.error('Unexpected error while serving a request', error);
    res.status(500).type('text/plain').send('Something went wrong on the server; the details are in its log');
  });
  // HTTP triggers, the busiest path of all under a prefix no other route shares, go first and
  // around Express.
  const hooks = createHttpTriggerHandler(services, { ...triggers, headers: staticSecurityHeaders(security) });
  // Inbound integrations (any method, under /inbound/) likewise.
  const inbound = createInboundHandler(services.inboundCalls, { headers: staticSecurityHeaders(security), ...(triggers?.maxBodyBytes === undefined ? {} : { maxBodyBytes: triggers.maxBodyBytes }) });
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (!hooks(req, res) && !inbound(req, res)) app(req, res);
  };
  return Object.assign(listener, {
    listen: (port: number, host?: string): Server => (host === undefined ? createServer(listener).listen(port) : createServer(listener).listen(port, host)),
  });
}
