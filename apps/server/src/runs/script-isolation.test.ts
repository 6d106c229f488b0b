import { createScriptPool, type CustomStepCreateInput } from '@flowyard/engine';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customChainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';

let app: TestApp;
let target: TargetServer;
const scripts = createScriptPool({ size: 2 });

beforeAll(async () => {
  target = await startTargetServer((_req, res) => res.end('pong'));
  await scripts.warmUp();
  app = await createTestApp({ scripts });
}, 60_000);
afterAll(async () => {
  await app.close();
  await scripts.close();
  await target.close();
});

async function flowWith(name: string, step: CustomStepCreateInput['step']) {
  const definition = await app.caller.customSteps.create({ workflowId: app.workflowId, step });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
  return app.caller.flows.save({ id: flow.id, version: flow.version, graph: customChainGraph([{ id: 'script', name: 'Script', customStepId: definition.id }]) });
}

describe('scripts run off the main event loop', () => {
  it('completes another run normally while a script spins in `while (true) {}`, which then ends SCRIPT_TIMEOUT', { timeout: 60_000 }, async () => {
    await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Target', baseUrl: target.url, auth: { type: 'none' } });
    const spin = await flowWith('Spin', { name: 'Spin', timeoutMs: 4_000, script: "console.log('spinning');\nwhile (true) {}" });
    const quick = await flowWith('Quick', {
      name: 'Quick',
      outputs: [{ id: 'r', label: 'Reply' }],
      script: "output['Reply'] = http.request({ endpoint: 'Target', path: '/ping' }).write().body;",
    });

    const spinRun = await app.caller.runs.start({ flowId: spin.id, payload: {} });
    // Wait until the spinning script holds its worker.
    await waitFor(async () => {
      const { steps } = await app.caller.runs.get({ runId: spinRun.runId });
      return steps.some((s) => s.nodeId === 'script' && s.status === 'running') && scripts.stats().busy === 1 ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = Date.now();
    const quickRun = await app.caller.runs.start({ flowId: quick.id, payload: {} });
    const finished = await waitFor(async () => {
      const record = await app.caller.runs.get({ runId: quickRun.runId });
      return record.run.status === 'running' ? undefined : record;
    }, 10_000);
    const quickMs = Date.now() - started;
    loop.disable();

    expect(finished.run.status).toBe('succeeded');
    expect(finished.steps.find((s) => s.nodeId === 'script')).toMatchObject({ status: 'succeeded', outputs: { Reply: 'pong' } });
    // The spinning run is still going: the quick one did not wait for it, and the main loop stayed responsive.
    expect((await app.caller.runs.get({ runId: spinRun.runId })).run.status).toBe('running');
    // Ordering proves the isolation; the bounds below are generous so a loaded machine cannot flake them.
    expect(quickMs).toBeLessThan(4_000);
    expect(loop.max / 1e6).toBeLessThan(1_500);

    await app.services.runs.whenIdle();
    const { run, steps } = await app.caller.runs.get({ runId: spinRun.runId });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_TIMEOUT', details: { step: 'Script', timeoutMs: 4_000 } } });
    expect(steps.find((s) => s.nodeId === 'script')).toMatchObject({ status: 'failed', logs: [{ level: 'log', message: 'spinning' }] });
  });
});
