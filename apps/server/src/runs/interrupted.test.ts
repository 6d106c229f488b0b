import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

describe('a restart', () => {
  it('marks runs and steps left running by a stopped server as interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowyard-restart-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbUrl = pathToFileURL(join(dir, 'flowyard.db')).href;
    const secretKey = randomBytes(32);

    // A target that never answers keeps the step running until the "crash".
    const target: TargetServer = await startTargetServer(() => undefined);
    cleanups.push(() => target.close());

    const first = await createTestApp({ dbUrl, secretKey });
    const endpoint = await first.caller.endpoints.create({ workflowId: first.workflowId, name: 'Slow', baseUrl: target.url, auth: { type: 'none' } });
    const flow = await first.caller.flows.create({ workflowId: first.workflowId, name: 'Slow flow' });
    await first.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'call', name: 'Wait forever', endpointId: endpoint.id }]) });
    const { runId } = await first.caller.runs.start({ flowId: flow.id, payload: {} });
    await waitFor(async () => {
      const { steps } = await first.caller.runs.get({ runId });
      return steps.some((s) => s.nodeId === 'call' && s.status === 'running') ? true : undefined;
    });

    // The process dies: the database goes away with the run in flight.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    first.db.close();
    await target.close();
    await first.services.runs.whenIdle();
    await first.http.close();

    const second = await createTestApp({ dbUrl, secretKey });
    cleanups.push(() => second.close());
    const { run, steps } = await second.caller.runs.get({ runId });
    expect(run.status).toBe('interrupted');
    expect(run.finishedAt).not.toBeNull();
    expect(steps.find((s) => s.nodeId === 'call')?.status).toBe('interrupted');
    expect(steps.every((s) => s.status !== 'running')).toBe(true);
  });
});
