import type { CustomStepCreateInput } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph, customChainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

type StepInput = CustomStepCreateInput['step'];

const greeter: StepInput = {
  name: 'Greeter',
  description: 'Says hello',
  icon: 'message-square',
  inputs: [
    { id: 'who', label: 'Who', required: true, minLength: 1, maxLength: 50, helpText: 'A name', defaultValue: '', multiline: false },
    { id: 'note', label: 'Note', multiline: true },
  ],
  outputs: [{ id: 'greeting', label: 'Greeting' }],
  script: "output['Greeting'] = 'Hello ' + input['Who'];",
};

const create = (step: StepInput = greeter) => app.caller.customSteps.create({ workflowId: app.workflowId, step });

async function flowUsing(name: string, customStepId: string, extra: { endpointId?: string | null } = {}) {
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
  return app.caller.flows.save({
    id: flow.id,
    version: flow.version,
    graph: customChainGraph([{ id: 'greet', name: 'Greet', customStepId, inputs: { who: '{{trigger.body.who}}' }, ...extra }]),
  });
}

describe('custom step definitions', () => {
  it('creates, lists, gets and updates a definition with its defaults filled in', async () => {
    const created = await create();
    expect(created).toMatchObject({
      workflowId: app.workflowId,
      usageCount: 0,
      step: {
        name: 'Greeter',
        icon: 'message-square',
        inputs: [
          { id: 'who', label: 'Who', required: true, minLength: 1, maxLength: 50 },
          { id: 'note', label: 'Note', required: false, minLength: null, maxLength: null, helpText: '', defaultValue: '', multiline: true },
        ],
        includeEndpoint: false,
        endpointType: 'any',
        endpointLabel: '',
        timeoutMs: 10_000,
      },
    });
    expect(await app.caller.customSteps.get({ id: created.id })).toEqual(created);
    const updated = await app.caller.customSteps.update({ id: created.id, step: { ...greeter, name: 'Greeter 2', timeoutMs: 60_000 } });
    expect(updated.step).toMatchObject({ name: 'Greeter 2', timeoutMs: 60_000 });
    expect((await app.caller.customSteps.list({ workflowId: app.workflowId })).map((s) => s.step.name)).toEqual(['Greeter 2']);
  });

  it.each([
    ['duplicate input labels', { inputs: [{ id: 'a', label: 'Channel' }, { id: 'b', label: ' channel ' }] }, 'step.inputs.1.label', 'Another input is already labelled "channel"'],
    ['duplicate output labels', { outputs: [{ id: 'a', label: 'Id' }, { id: 'b', label: 'ID' }] }, 'step.outputs.1.label', 'Another output is already labelled "ID"'],
    ['min above max', { inputs: [{ id: 'a', label: 'Code', minLength: 5, maxLength: 2 }] }, 'step.inputs.0.maxLength', 'Maximum length must be at least the minimum length'],
    ['a negative minimum', { inputs: [{ id: 'a', label: 'Code', minLength: -1 }] }, 'step.inputs.0.minLength', 'Minimum length cannot be negative'],
    ['an endpoint without a label', { includeEndpoint: true, endpointLabel: '  ' }, 'step.endpointLabel', 'Endpoint label is required when the step includes an endpoint'],
    ['an empty name', { name: ' ' }, 'step.name', 'Name is required'],
    ['a time limit over 60 s', { timeoutMs: 60_001 }, 'step.timeoutMs', 'Time limit must be at most 60000 ms'],
    ['an empty input label', { inputs: [{ id: 'a', label: '' }] }, 'step.inputs.0.label', 'Label is required'],
  ])('refuses %s, naming the field', async (_what, change, path, message) => {
    const error = await apiErrorOf(create({ ...greeter, ...change }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', trpcCode: 'BAD_REQUEST' });
    expect(error.issues).toContainEqual({ path, message });
    expect(await app.caller.customSteps.list({ workflowId: app.workflowId })).toEqual([]);
  });

  it('refuses a name another custom step of the workflow has, case-insensitively, on create and rename', async () => {
    const first = await create();
    const error = await apiErrorOf(create({ ...greeter, name: 'GREETER' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'step.name', message: expect.stringContaining('"Greeter" already exists') }] });
    const second = await create({ ...greeter, name: 'Other' });
    expect((await apiErrorOf(app.caller.customSteps.update({ id: second.id, step: { ...greeter, name: 'greeter' } }))).code).toBe('VALIDATION_FAILED');
    // Renaming to its own name in another case is fine.
    expect((await app.caller.customSteps.update({ id: first.id, step: { ...greeter, name: 'GREETER' } })).step.name).toBe('GREETER');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    expect((await apiErrorOf(app.caller.customSteps.get({ id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(app.caller.customSteps.update({ id: 'nope', step: greeter }))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(app.caller.customSteps.delete({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });
});

describe('custom step usage', () => {
  it('lists the flows and steps that use a definition and refuses to delete it until they stop', async () => {
    const step = await create();
    const flowA = await flowUsing('Alpha', step.id);
    await flowUsing('Beta', step.id);
    expect((await app.caller.customSteps.get({ id: step.id })).usageCount).toBe(2);
    expect(await app.caller.customSteps.usage({ id: step.id })).toEqual([
      { flowId: flowA.id, flowName: 'Alpha', nodeId: 'greet', stepName: 'Greet' },
      { flowId: expect.any(String), flowName: 'Beta', nodeId: 'greet', stepName: 'Greet' },
    ]);

    const refused = await apiErrorOf(app.caller.customSteps.delete({ id: step.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', trpcCode: 'CONFLICT' });
    expect(refused.message).toBe('Custom step "Greeter" is used by 2 steps in flows "Alpha", "Beta" and cannot be deleted; remove those steps first');
    expect(refused.details.usage).toEqual(await app.caller.customSteps.usage({ id: step.id }));

    // Removing the step from one flow and deleting the other frees it.
    await app.caller.flows.save({ id: flowA.id, version: flowA.version, graph: chainGraph([]) });
    const beta = (await app.caller.flows.list({ workflowId: app.workflowId })).items.find((f) => f.name === 'Beta');
    await app.caller.flows.delete({ id: beta?.id ?? '' });
    expect(await app.caller.customSteps.usage({ id: step.id })).toEqual([]);
    expect(await app.caller.customSteps.delete({ id: step.id })).toEqual({ id: step.id });
    expect(await app.caller.customSteps.list({ workflowId: app.workflowId })).toEqual([]);
  });

  it('refuses to save a flow with an instance of a custom step that does not exist, naming the node', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Ghostly' });
    const error = await apiErrorOf(
      app.caller.flows.save({ id: flow.id, version: flow.version, graph: customChainGraph([{ id: 'g', name: 'Ghost step', customStepId: 'no-such-step' }]) }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'graph.nodes.1.data.config.customStepId', message: expect.stringContaining('Ghost step') }],
    });
    expect((await app.caller.flows.get({ id: flow.id })).version).toBe(flow.version);
  });

  it('counts an endpoint bound to a custom step instance as endpoint usage', async () => {
    const step = await create({ ...greeter, includeEndpoint: true, endpointLabel: 'Target' });
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Target API', baseUrl: 'http://127.0.0.1:9', auth: { type: 'none' } });
    const flow = await flowUsing('Bound', step.id, { endpointId: endpoint.id });
    expect((await app.caller.endpoints.usage({ id: endpoint.id })).items).toEqual([{ kind: 'step', flowId: flow.id, flowName: 'Bound', nodeId: 'greet', stepName: 'Greet' }]);
    expect((await apiErrorOf(app.caller.endpoints.delete({ id: endpoint.id }))).code).toBe('ENDPOINT_IN_USE');
  });
});
