import { afterAll, describe, expect, it } from 'vitest';
import { flowGraphSchema } from '../../flow/flow-graph';
import { referenceProblems } from '../../flow/reference-check';
import { createHttpClient } from '../../http/http-client';
import type { RunEvent, StepRecord } from '../../run/run-record';
import { runFlow } from '../../runner/run-flow';
import { stepProblems } from '../registry';
import { httpTriggerConfigSchema, httpTriggerCurl, httpTriggerUrl } from './http-trigger-config';

const http = createHttpClient();
afterAll(() => http.close());

const position = { x: 0, y: 0 };
const graph = flowGraphSchema.parse({
  nodes: [
    { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
    { id: 'sw', type: 'switch', position, data: { name: 'Route', config: { value: '{{trigger.body.kind}}/{{trigger.query.tag}}/{{trigger.headers.x-source}}', cases: [{ id: 'c', value: 'x' }] } } },
  ],
  edges: [{ id: 'e', source: 'hook', target: 'sw' }],
});

async function run(payload: Parameters<typeof runFlow>[0]['trigger']['payload']) {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'r',
    user: { id: 'u-7', name: 'Rest Bot', email: 'bot@example.com' },
    flow: { id: 'f', version: 1, graph },
    trigger: { nodeId: 'hook', payload, type: 'http' },
    endpoints: { get: async () => undefined, getByName: async () => undefined },
    http,
    sink: (event) => void events.push(event),
  });
  const steps = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') steps.set(event.step.name, event.step);
  return { summary, steps };
}

describe('HTTP trigger step', () => {
  it('allows every role by default, keeps the table order, and flags a trigger nobody may call', () => {
    expect(httpTriggerConfigSchema.parse({}).allowedRoles).toEqual(['admin', 'developer', 'rest', 'standard']);
    expect(httpTriggerConfigSchema.parse({ allowedRoles: ['standard', 'rest', 'rest'] }).allowedRoles).toEqual(['rest', 'standard']);
    expect(httpTriggerConfigSchema.safeParse({ allowedRoles: ['owner'] }).success).toBe(false);
    const node = (allowedRoles: string[]) => flowGraphSchema.parse({ nodes: [{ id: 'h', type: 'http-trigger', position, data: { name: 'H', config: { allowedRoles } } }], edges: [] }).nodes[0];
    const nobody = node([]);
    const some = node(['rest']);
    if (nobody === undefined || some === undefined) throw new Error('no node');
    expect(stepProblems(nobody)).toEqual(['Allow at least one role to call this trigger']);
    expect(stepProblems(some)).toEqual([]);
  });

  it('outputs body, headers and query for {{trigger.…}} references, and the run says it came over HTTP as its user', async () => {
    expect(referenceProblems(graph)).toEqual([]);
    const { summary, steps } = await run({ body: { kind: 'order' }, headers: { 'x-source': 'shop' }, query: { tag: ['a', 'b'] } });
    expect(summary).toMatchObject({ status: 'succeeded', trigger: { type: 'http', nodeId: 'hook' }, userId: 'u-7', actedAs: { id: 'u-7', name: 'Rest Bot', email: 'bot@example.com' } });
    expect(steps.get('Webhook')?.outputs).toEqual({ body: { kind: 'order' }, headers: { 'x-source': 'shop' }, query: { tag: ['a', 'b'] } });
    expect(steps.get('Route')?.inputs).toMatchObject({ value: 'order/["a","b"]/shop' });
  });

  it('fails when started without a request envelope', async () => {
    const { summary, steps } = await run({ kind: 'order' });
    expect(summary.status).toBe('failed');
    expect(steps.get('Webhook')?.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('without a request') });
    expect(steps.get('Route')?.status).toBe('skipped');
  });

  it('builds the URL and an example curl call', () => {
    expect(httpTriggerUrl('https://fy.example.com/', 'flow 1', 'hook')).toBe('https://fy.example.com/hooks/flow%201/hook');
    expect(httpTriggerCurl('http://127.0.0.1:3000', 'f', 'h')).toContain("curl -X POST 'http://127.0.0.1:3000/hooks/f/h?wait=true'");
  });
});
