// The built server for benches: started on a fresh temporary data folder and a free port
// (127.0.0.1), with a generated first-admin password, and a tRPC client that signs in as that admin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the built server on a fresh temporary data folder and a free loopback port. */
export async function startBenchServer({ serverMain, repoRoot }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-bench-'));
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FLOWYARD_DATA_DIR: dataDir, FLOWYARD_ADMIN_PASSWORD: ADMIN.password, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Flowyard is running on https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  // Keep the server's recent output for the report when a run goes wrong.
  child.stdout.on('data', () => (output = output.slice(-20_000)));
  return {
    url: `http://127.0.0.1:${port}`,
    logTail: () => output.slice(-4_000),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first admin of a fresh server (its password comes from FLOWYARD_ADMIN_PASSWORD). */
const ADMIN = { email: 'admin@localhost', password: `Bench-${Math.random().toString(36).slice(2)}-Passw0rd!` };

/**
 * A tRPC client over plain HTTP, as the web client talks (minus batching): queries as GET with
 * `?input=`, mutations as POST with the CSRF header. `signIn()` keeps the session cookie; a
 * server without sign-in (older builds) is used as is.
 */
export function trpc(baseUrl) {
  const headers = { 'x-flowyard-csrf': '1' };
  const unwrap = async (path, response) => {
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
    }
    if (!response.ok || body.error) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error ?? body).slice(0, 500)}`);
    return body.result.data;
  };
  const api = {
    headers,
    query: async (path, input) =>
      unwrap(path, await fetch(`${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })),
    mutation: async (path, input) =>
      unwrap(
        path,
        await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) }),
      ),
    async signIn() {
      const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      if (response.status === 404) return; // no sign-in on this build
      await unwrap('auth.signIn', response);
      const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      if (cookie) headers.cookie = cookie;
    },
  };
  return api;
}
