import { createTestDatabase } from '@flowyard/db/testing';
import type { RunEvent } from '@flowyard/engine';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEndpointResolver } from './endpoints/endpoint-resolver';
import { answerLog, captureConsole, tempDatabase } from './testing/canary-kit';
import { collectEvents } from './testing/collect-events';
import { chainGraph } from './testing/graphs';
import { startTargetServer } from './testing/target-server';
import { apiErrorOf, createTestApp } from './testing/test-app';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

describe('the canary password', () => {
  it('appears in no API response, no run record, no log line and not in clear in the SQLite files', async () => {
    const canary = `canary-${randomUUID()}`;
    const username = 'svc-user';
    const basicValue = Buffer.from(`${username}:${canary}`).toString('base64');
    const forbidden = [canary, basicValue];

    const logged = captureConsole();

    const database = tempDatabase('flowyard-canary-');
    cleanups.push(() => database.remove());
    const app = await createTestApp({ database: await createTestDatabase({ sqliteUrl: database.url }) });
    cleanups.push(() => app.close());

    // Accepts only the right credentials; challenges otherwise (exercises the non-preemptive retry).
    const target = await startTargetServer((req, res) => {
      if (req.headers.authorization === `Basic ${basicValue}`) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, echoedAuth: 'no' }));
      } else {
        res.statusCode = 401;
        res.setHeader('www-authenticate', 'Basic realm="canary"');
        res.end('who are you?');
      }
    });
    cleanups.push(() => target.close());

    const { record, answers: responses } = answerLog();

    const preemptive = record(
      await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Canary preemptive', baseUrl: target.url, auth: { type: 'basic', username, password: canary } }),
    );
    const challenged = record(
      await app.caller.endpoints.create({
        workflowId: app.workflowId,
        name: 'Canary challenged',
        baseUrl: target.url,
        auth: { type: 'basic', username, password: canary, preemptive: false },
      }),
    );
    record(await app.caller.endpoints.update({ id: preemptive.id, name: 'Canary preemptive', baseUrl: target.url, auth: { type: 'basic', username } }));
    const flow = record(await app.caller.flows.create({ workflowId: app.workflowId, name: 'Canary flow' }));
    record(
      await app.caller.flows.save({
        id: flow.id,
        version: flow.version,
        graph: chainGraph([
          { id: 'pre', name: 'Preemptive call', endpointId: preemptive.id, path: '/secure' },
          { id: 'chal', name: 'Challenged call', endpointId: challenged.id, path: '/secure' },
        ]),
      }),
    );

    const subscription = await collectEvents(await app.caller.runs.events({ flowId: flow.id }), app.bus, flow.id, (e: RunEvent) => e.type === 'run' && e.run.status !== 'running');
    const { runId } = record(await app.caller.runs.start({ flowId: flow.id, payload: { note: 'hello' } }));
    await app.services.runs.whenIdle();
    record(await subscription.done);

    // The run really used the password.
    const run = record(await app.caller.runs.get({ runId }));
    expect(run.run.status).toBe('succeeded');
    expect(run.steps.find((s) => s.nodeId === 'chal')?.exchanges.map((x) => x.status)).toEqual([401, 200]);
    expect(target.requests.filter((r) => r.headers.authorization === `Basic ${basicValue}`)).toHaveLength(2);

    // Every list and get procedure, plus an error response carrying details.
    record(await app.caller.me.get());
    record(await app.caller.workflows.list());
    record(await app.caller.endpoints.list({ workflowId: app.workflowId }));
    record(await app.caller.endpoints.get({ id: preemptive.id }));
    record(await app.caller.endpoints.get({ id: challenged.id }));
    record(await app.caller.endpoints.usage({ id: preemptive.id }));
    record(await app.caller.flows.list({ workflowId: app.workflowId }));
    record(await app.caller.flows.get({ id: flow.id }));
    record(await app.caller.runs.list({ flowId: flow.id }));
    record(await apiErrorOf(app.caller.endpoints.delete({ id: preemptive.id })));
    record(await apiErrorOf(app.caller.endpoints.update({ id: challenged.id, name: 'Canary challenged', baseUrl: target.url, auth: { type: 'none' } })));

    const everything = JSON.stringify(responses);
    for (const secret of forbidden) expect(everything).not.toContain(secret);

    const runRows = JSON.stringify(await app.sql.query('SELECT * FROM runs'));
    const stepRows = JSON.stringify(await app.sql.query('SELECT * FROM run_steps'));
    expect(stepRows).toContain('Preemptive call');
    for (const secret of forbidden) {
      expect(runRows).not.toContain(secret);
      expect(stepRows).not.toContain(secret);
    }

    // The secret is stored, encrypted: the engine resolver can still read it.
    expect((await createEndpointResolver(app, app.workflowId).get(preemptive.id))?.auth).toMatchObject({ password: canary });

    const files = database.files();
    expect(files.map((file) => file.name)).toContain(`${database.file}-wal`);
    const bytes = files.map((file) => file.bytes);
    expect(bytes.some((b) => b.includes('Canary preemptive'))).toBe(true);
    for (const secret of forbidden) {
      for (const b of bytes) {
        expect(b.includes(secret)).toBe(false);
        expect(b.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }

    // Once the WAL is folded into the main file, that holds no clear secret either.
    await app.sql.query('PRAGMA wal_checkpoint(TRUNCATE)');
    const checkpointed = database.files()[0]?.bytes ?? Buffer.alloc(0);
    expect(checkpointed.includes('Canary preemptive')).toBe(true);
    for (const secret of forbidden) expect(checkpointed.includes(secret)).toBe(false);

    const logText = logged.join('\n');
    for (const secret of forbidden) expect(logText).not.toContain(secret);
  });
});
