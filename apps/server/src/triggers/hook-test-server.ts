import type { FlowSaveInput, Role, UserView } from '@flowyard/engine';
import { createServer, type Server } from 'node:http';
import { createApp, type FlowyardApp } from '../http/app';
import { createTestApp, type TestApp } from '../testing/test-app';
import type { HttpTriggerOptions } from './http-trigger-routes';

/** A test app served on 127.0.0.1 (ephemeral port), whose public URL (and built-in endpoint) is that address. */
export interface HookTestServer {
  app: TestApp;
  url: string;
  /** Creates a user of `role` and an API key for them. */
  userWithKey(role: Role, name?: string): Promise<{ user: UserView; key: string }>;
  /** Creates and saves a flow; returns its id. */
  flow(name: string, graph: FlowSaveInput['graph']): Promise<string>;
  /** Calls the server. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP app (createApp) on an ephemeral port, with `triggers` options if given, and
 * serving the web app from `webDist` (by default none is built).
 */
export async function startHookTestServer(options: { triggers?: HttpTriggerOptions; webDist?: string } = {}): Promise<HookTestServer> {
  let handler: FlowyardApp | undefined;
  const server: Server = createServer((req, res) => {
    if (handler === undefined) res.writeHead(503).end();
    else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  const app = await createTestApp({ publicUrl: url });
  handler = createApp({ services: app.services, webDist: options.webDist ?? '/nonexistent-web-dist', ...(options.triggers === undefined ? {} : { triggers: options.triggers }) });
  return {
    app,
    url,
    async userWithKey(role, name) {
      const { user } = await app.createUser(role, name);
      const { key } = await app.services.apiKeys.createAs(app.admin, { userId: user.id, name: 'test key' });
      return { user, key };
    },
    async flow(name, graph) {
      const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
      await app.caller.flows.save({ id: flow.id, version: flow.version, graph });
      return flow.id;
    },
    fetch: (path, init) => fetch(`${url}${path}`, init),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
