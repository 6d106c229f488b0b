import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestDatabase } from '@flowyard/db/testing';
import type { FlowSaveInput } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp } from '../testing/test-app';

// The real server, as a child process (from source, tsx's loader in the same process, so the kill
// reaches the server itself), killed with SIGKILL the moment an answer arrives: whatever it
// acknowledged must be in the database when it starts again.
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SLOW = { timeout: 180_000 };

const runSchema = z.object({ id: z.string(), status: z.string() });
const stepSchema = z.object({ nodeId: z.string(), status: z.string() });
const recordSchema = z.object({ result: z.object({ data: z.object({ run: runSchema, steps: z.array(stepSchema) }) }) });
const outcomeSchema = z.object({ runId: z.string(), status: z.string() });

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

let dataDir: string;
let target: TargetServer;
let hangs: TargetServer;
let key: string;
let quickFlow: string;
let hangingFlow: string;
const secretKey = randomBytes(32).toString('base64');

async function startServer(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    // A long group-commit window: an answer that did not wait for its records would beat them to the kill.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FLOWYARD_DATA_DIR: dataDir, FLOWYARD_SECRET_KEY: secretKey, FLOWYARD_RECORD_FLUSH_MS: '100', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Flowyard is running on https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening:\n${output}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

async function killNow(server: Running): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

function trigger(server: Running, flowId: string, wait: boolean): Promise<Response> {
  return fetch(`${server.url}/hooks/${flowId}/hook${wait ? '?wait=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ hello: 'world' }),
  });
}

async function record(server: Running, runId: string) {
  const response = await fetch(`${server.url}/trpc/runs.get?input=${encodeURIComponent(JSON.stringify({ runId }))}`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  return recordSchema.parse(await response.json()).result.data;
}

const position = { x: 0, y: 0 };
function graph(endpointId: string): FlowSaveInput['graph'] {
  return {
    nodes: [
      { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
      { id: 'call', type: 'http-request', position, data: { name: 'Call', config: { endpointId, method: 'GET', path: '/x' } } },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'call' }],
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flowyard-kill9-'));
  target = await startTargetServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  // Never answers: its run is still going when the server dies.
  hangs = await startTargetServer(() => undefined);
  // Seeded in-process on the data folder's database, then closed for the real server.
  const app = await createTestApp({ database: await createTestDatabase({ sqliteUrl: pathToFileURL(join(dataDir, 'flowyard.db')).href }), secretKey: Buffer.from(secretKey, 'base64') });
  ({ key } = await app.services.apiKeys.createAs(app.admin, { name: 'durability' }));
  const quick = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Quick', baseUrl: target.url, auth: { type: 'none' } });
  const slow = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Hangs', baseUrl: hangs.url, auth: { type: 'none' } });
  for (const [name, endpointId] of [
    ['Quick', quick.id],
    ['Hanging', slow.id],
  ] as const) {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph: graph(endpointId) });
    if (name === 'Quick') quickFlow = flow.id;
    else hangingFlow = flow.id;
  }
  await app.close();
}, 60_000);

afterAll(async () => {
  await target?.close();
  await hangs?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('an acknowledged run survives kill -9', () => {
  it('?wait=true: every run answered 200 before the kill is there after a restart, with all its step records', SLOW, async () => {
    const first = await startServer();
    // Many calls at once, so answers go out while other runs' records are still queued.
    const answered: string[] = [];
    let killing: Promise<void> | undefined;
    const calls = Array.from({ length: 24 }, () =>
      trigger(first, quickFlow, true)
        .then(async (response) => {
          if (response.status !== 200) return;
          const outcome = outcomeSchema.parse(await response.json());
          if (killing !== undefined) return;
          answered.push(outcome.runId);
          killing = killNow(first);
        })
        .catch(() => undefined),
    );
    await Promise.all(calls);
    if (killing === undefined) killing = killNow(first);
    await killing;
    expect(answered.length).toBeGreaterThanOrEqual(1);

    const second = await startServer();
    try {
      for (const runId of answered) {
        const { run, steps } = await record(second, runId);
        expect(run).toMatchObject({ id: runId, status: 'succeeded' });
        expect(steps.map((s) => [s.nodeId, s.status])).toEqual([
          ['hook', 'succeeded'],
          ['call', 'succeeded'],
        ]);
      }
    } finally {
      await killNow(second);
    }
  });

  it('202: the run answered with its id is there after a restart (interrupted, as it was still running)', SLOW, async () => {
    const first = await startServer();
    const response = await trigger(first, hangingFlow, false);
    const { runId } = outcomeSchema.parse(await response.json());
    await killNow(first);
    expect(response.status).toBe(202);

    const second = await startServer();
    try {
      const { run } = await record(second, runId);
      expect(run).toMatchObject({ id: runId, status: 'interrupted' });
    } finally {
      await killNow(second);
    }
  });
});
