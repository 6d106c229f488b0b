import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgTestDatabase, type PgTestDatabase } from '@flowyard/db/testing';

// Flowyard as separate processes on one PostgreSQL database (the scale tests and the e2e's extra
// instances): the server is built once into a temporary folder and each instance is `node main.js`
// with its role.

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = join(serverDir, '../..');
const admin = { email: 'admin@localhost', password: `Scale-${randomBytes(6).toString('hex')}-Passw0rd!` };

export interface Instance {
  role: 'web' | 'worker' | 'all';
  /** A web's base URL, a worker's health URL base. */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | null>;
  /** kill -9. */
  kill(): Promise<void>;
}

export interface Cluster {
  database: PgTestDatabase;
  start(role: Instance['role'], env?: Record<string, string>): Promise<Instance>;
  close(): Promise<void>;
}

let built: string | undefined;

/** Builds the server once per test process into a temporary folder; the path of its main.js. */
export function buildServer(): string {
  if (built !== undefined) return built;
  const out = mkdtempSync(join(tmpdir(), 'flowyard-scale-build-'));
  execFileSync(process.execPath, [join(serverDir, 'build.mjs'), '--out', out], { cwd: serverDir, stdio: 'inherit' });
  built = join(out, 'main.js');
  return built;
}

/** A fresh migrated database and a way to start instances on it, all sharing one secret key and admin. */
export async function createCluster(baseEnv: Record<string, string> = {}): Promise<Cluster> {
  const main = buildServer();
  const database = await createPgTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-scale-data-'));
  const instances = new Set<Instance>();
  const secretKey = randomBytes(32).toString('base64');

  async function start(role: Instance['role'], env: Record<string, string> = {}): Promise<Instance> {
    const child = spawn(process.execPath, [main], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        FLOWYARD_WORKER_PORT: '0',
        FLOWYARD_ROLE: role,
        FLOWYARD_DATABASE_URL: database.url,
        FLOWYARD_DATA_DIR: dataDir,
        FLOWYARD_SECRET_KEY: secretKey,
        FLOWYARD_ADMIN_PASSWORD: admin.password,
        FLOWYARD_SCRIPT_WORKERS: '1',
        NODE_ENV: 'production',
        ...baseEnv,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = role === 'worker' ? /Flowyard worker \S+ is running \(health on port (\d+)/ : /Flowyard(?: \(web\))? is running on https?:\/\/[^:\s]+:(\d+)/;
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role} did not start within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = ready.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${role} exited (${code}) before it was ready:\n${output}`));
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const instance: Instance = {
      role,
      url: `http://127.0.0.1:${port}`,
      child,
      output: () => output,
      async stop() {
        child.kill('SIGTERM');
        const code = await exited;
        instances.delete(instance);
        return code;
      },
      async kill() {
        child.kill('SIGKILL');
        await exited;
        instances.delete(instance);
      },
    };
    instances.add(instance);
    return instance;
  }

  return {
    database,
    start,
    async close() {
      await Promise.all([...instances].map((instance) => instance.kill()));
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

/** The admin's tRPC calls on a web instance (signed in), as the web client makes them. */
export async function signedIn(baseUrl: string) {
  const headers: Record<string, string> = { 'x-flowyard-csrf': '1' };
  const unwrap = async (path: string, response: Response): Promise<unknown> => {
    const body: unknown = await response.json();
    if (!response.ok || typeof body !== 'object' || body === null || !('result' in body)) throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
    const result = body.result;
    return typeof result === 'object' && result !== null && 'data' in result ? result.data : undefined;
  };
  const mutation = async (path: string, input: unknown): Promise<unknown> =>
    unwrap(path, await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) }));
  const query = async (path: string, input?: unknown): Promise<unknown> =>
    unwrap(path, await fetch(`${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers }));
  const signIn = await fetch(`${baseUrl}/trpc/auth.signIn`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  await unwrap('auth.signIn', signIn);
  headers.cookie = signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  return { query, mutation, headers };
}

/**
 * A target that counts every request by path and `id` (from the JSON body) and answers after
 * `delayFor(path, hit)` ms (`hit`: 1 for the first request of that path and id); `inFlight` is how
 * many it is still holding.
 */
export async function startCountingTarget(delayFor: (path: string, hit: number, id: string) => number) {
  const hits = new Map<string, number>();
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let id = '';
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString() || '{}');
        if (typeof body === 'object' && body !== null && 'id' in body) id = String(body.id);
      } catch {
        // counted without an id
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const key = `${path}#${id}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      inFlight++;
      const timer = setTimeout(() => {
        inFlight--;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, path, id }));
      }, delayFor(path, hits.get(key) ?? 1, id));
      timer.unref();
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    get inFlight() {
      return inFlight;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Seeds, through a web instance, a flow: HTTP trigger → one HTTP Request step per path, each posting `{ id }`; and an API key to call it. */
export async function seedChain(baseUrl: string, targetUrl: string, paths: readonly string[]): Promise<{ flowId: string; key: string }> {
  const api = await signedIn(baseUrl);
  const workflows = (await api.query('workflows.list')) as { id: string; name: string }[];
  const workflowId = (workflows.find((w) => w.name === 'Default') ?? workflows[0])?.id ?? '';
  const endpoint = (await api.mutation('endpoints.create', { workflowId, name: 'Target', baseUrl: targetUrl, trustSelfSigned: false, auth: { type: 'none' } })) as { id: string };
  const flow = (await api.mutation('flows.create', { workflowId, name: `Chain ${paths.join(' ')}` })) as { id: string; version: number };
  const position = { x: 0, y: 0 };
  const nodes: unknown[] = [{ id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } }];
  const edges: unknown[] = [];
  paths.forEach((path, i) => {
    const id = `s${i + 1}`;
    nodes.push({
      id,
      type: 'http-request',
      position: { x: 0, y: (i + 1) * 120 },
      data: { name: `Step ${i + 1}`, config: { endpointId: endpoint.id, method: 'POST', path, headers: [{ name: 'Content-Type', value: 'application/json' }], body: '{"id": "{{trigger.body.id}}"}', timeoutMs: 60_000 } },
    });
    edges.push({ id: `e${i + 1}`, source: i === 0 ? 'hook' : `s${i}`, target: id, sourceHandle: null });
  });
  await api.mutation('flows.save', { id: flow.id, version: flow.version, graph: { nodes, edges } });
  const created = (await api.mutation('apiKeys.create', { name: 'scale' })) as { key: string };
  return { flowId: flow.id, key: created.key };
}

/** Calls the flow's HTTP trigger on `baseUrl` with body `{ id }`; the response's JSON. */
export async function trigger(baseUrl: string, flowId: string, key: string, id: string, wait = false): Promise<{ status: number; body: { runId: string; status: string; outputs?: unknown } }> {
  const response = await fetch(`${baseUrl}/hooks/${flowId}/hook${wait ? '?wait=true' : ''}`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  const body = (await response.json()) as { runId: string; status: string; outputs?: unknown };
  return { status: response.status, body };
}
