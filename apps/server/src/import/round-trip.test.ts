import type { FlowGraph } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWorkflow } from '../export/workflow-fixture';
import { createTestApp, type TestApp } from '../testing/test-app';

let source: TestApp;
let fresh: TestApp;
beforeEach(async () => {
  source = await createTestApp();
  // A fresh install: its own database.
  fresh = await createTestApp();
});
afterEach(async () => {
  await Promise.all([source.close(), fresh.close()]);
});

/** A workflow as names see it: ids replaced by the names of what they point at, so two installs compare. */
async function normalized(app: TestApp) {
  const workflowId = app.workflowId;
  const endpoints = await app.caller.endpoints.list({ workflowId });
  const steps = await app.caller.customSteps.list({ workflowId });
  const endpointName = new Map(endpoints.map((e) => [e.id, e.name]));
  const stepName = new Map(steps.map((s) => [s.id, s.step.name]));
  const named = (graph: FlowGraph) =>
    graph.nodes.map((node) => {
      switch (node.type) {
        case 'http-request':
          return { ...node, data: { ...node.data, config: { ...node.data.config, endpointId: endpointName.get(node.data.config.endpointId ?? '') ?? null } } };
        case 'custom-step':
          return {
            ...node,
            data: {
              ...node.data,
              config: { ...node.data.config, endpointId: endpointName.get(node.data.config.endpointId ?? '') ?? null, customStepId: stepName.get(node.data.config.customStepId) ?? 'missing' },
            },
          };
        default:
          return node;
      }
    });
  const flows = [];
  for (const summary of (await app.caller.flows.list({ workflowId })).items) {
    const flow = await app.caller.flows.get({ id: summary.id });
    flows.push({ name: flow.name, nodes: named(flow.graph), edges: flow.graph.edges });
  }
  const usage = [];
  for (const endpoint of endpoints) {
    for (const use of (await app.caller.endpoints.usage({ id: endpoint.id })).items) {
      usage.push(use.kind === 'step' ? { endpoint: endpoint.name, kind: use.kind, flowName: use.flowName, nodeId: use.nodeId, stepName: use.stepName } : use.kind === 'script' ? { endpoint: endpoint.name, kind: use.kind, customStepName: use.customStepName, occurrences: use.occurrences } : { endpoint: endpoint.name, kind: use.kind, integrationName: use.integrationName, occurrences: use.occurrences });
    }
  }
  const customStepUsage = [];
  for (const step of steps) {
    for (const use of await app.caller.customSteps.usage({ id: step.id })) customStepUsage.push({ step: step.step.name, flowName: use.flowName, nodeId: use.nodeId, stepName: use.stepName });
  }
  return {
    endpoints: endpoints.map((e) => ({ name: e.name, baseUrl: e.baseUrl })),
    customSteps: steps.map((s) => s.step),
    flows,
    constants: (await app.caller.constants.list({ workflowId })).map((c) => ({ name: c.name, value: c.value })),
    libraries: await Promise.all((await app.caller.libraries.list({ workflowId })).map(async (l) => ({ name: l.name, source: (await app.caller.libraries.get({ id: l.id })).source }))),
    usage,
    customStepUsage,
  };
}

describe('export then import into a fresh install', () => {
  it('reproduces the flows, custom steps and their bindings exactly', async () => {
    await seedWorkflow(source);
    const file = await source.caller.workflows.export({ workflowId: source.workflowId });
    // Through JSON text, as the file travels.
    const result = await fresh.caller.workflows.import({ workflowId: fresh.workflowId, file: JSON.stringify(file, null, 2), bindings: {} });
    expect(result.summary).toMatchObject({ flows: 2, customSteps: 1, constants: 1, libraries: 1, endpointsCreated: 8, endpointsBound: 0, renamed: [], unchanged: [] });

    const before = await normalized(source);
    const after = await normalized(fresh);
    expect(before.flows).toHaveLength(2);
    expect(before.usage.length).toBeGreaterThan(3);
    expect(after).toEqual(before);
    // New ids everywhere, nothing shared with the source install.
    const sourceIds = new Set((await source.caller.endpoints.list({ workflowId: source.workflowId })).map((e) => e.id));
    expect(result.endpoints.some((e) => sourceIds.has(e.id))).toBe(false);

    // And exporting the imported workflow gives the same file, up to ids and time.
    const again = await fresh.caller.workflows.export({ workflowId: fresh.workflowId });
    const withoutIds = (text: string, ids: string[]) => ids.reduce((out, id, index) => out.replaceAll(id, `id-${index}`), text);
    const idsOf = (f: typeof file) => [...f.endpoints.map((e) => e.exportId), ...f.customSteps.map((s) => s.exportId)];
    expect(withoutIds(JSON.stringify({ ...again, exportedAt: '' }), idsOf(again))).toBe(withoutIds(JSON.stringify({ ...file, exportedAt: '' }), idsOf(file)));
  });
});
