import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminAccount, e2ePort } from './admin-account';

// Extra Flowyard processes for the scale-out tests: webs and workers of the BUILT server on a fresh
// PostgreSQL database of their own (this machine's server, trust auth; FLOWYARD_E2E_PG_URL points
// elsewhere), beside the shared SQLite server the other tests use. Ports follow the e2e port
// (+20 onwards), so runs on different e2e ports do not collide.

const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverMain = resolve(e2eDir, process.env.FLOWYARD_E2E_SERVER_MAIN ?? '../apps/server/dist/main.js');
const adminUrl = process.env.FLOWYARD_E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PgInstance {
  url: string;
  child: ChildProcess;
  output(): string;
}

function psql(command: string): void {
  execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: 'pipe' });
}

/** A fresh database and the instances started on it; `close` kills them and drops the database. */
export async function startPgCluster() {
  const name = `flowyard_e2e_${e2ePort()}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-e2e-pg-'));
  const secretKey = randomBytes(32).toString('base64');
  const children: ChildProcess[] = [];
  let nextPort = e2ePort() + 20;

  async function start(role: 'web' | 'worker'): Promise<PgInstance> {
    const port = nextPort++;
    const child = spawn(process.execPath, [serverMain], {
      cwd: e2eDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(role === 'web' ? port : 0),
        FLOWYARD_WORKER_PORT: String(port),
        FLOWYARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
        FLOWYARD_ROLE: role,
        FLOWYARD_DATABASE_URL: databaseUrl,
        FLOWYARD_DATA_DIR: dataDir,
        FLOWYARD_SECRET_KEY: secretKey,
        FLOWYARD_ADMIN_PASSWORD: adminAccount.password,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const ready = role === 'worker' ? 'Flowyard worker' : 'is running on';
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role} did not start within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolveReady();
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
    return { url: `http://127.0.0.1:${port}`, child, output: () => output };
  }

  return {
    start,
    async close(): Promise<void> {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolveExit) => {
              if (child.exitCode !== null) return resolveExit();
              child.once('exit', () => resolveExit());
              child.kill('SIGKILL');
            }),
        ),
      );
      rmSync(dataDir, { recursive: true, force: true });
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The admin's tRPC calls on one instance, signed in (as the web client makes them). */
export async function adminApi(baseUrl: string) {
  const headers: Record<string, string> = { 'x-flowyard-csrf': '1', 'content-type': 'application/json' };
  const data = async (path: string, response: Response): Promise<unknown> => {
    const body: unknown = await response.json();
    if (!response.ok || typeof body !== 'object' || body === null || !('result' in body)) throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 400)}`);
    const result = body.result;
    return typeof result === 'object' && result !== null && 'data' in result ? result.data : undefined;
  };
  const signIn = await fetch(`${baseUrl}/trpc/auth.signIn`, { method: 'POST', headers, body: JSON.stringify({ email: adminAccount.email, password: adminAccount.password }) });
  await data('auth.signIn', signIn);
  headers.cookie = signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  return {
    query: async (path: string, input?: unknown) =>
      data(path, await fetch(`${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })),
    mutation: async (path: string, input: unknown) => data(path, await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })),
  };
}
