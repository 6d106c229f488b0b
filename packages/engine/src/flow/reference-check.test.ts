import { describe, expect, it } from 'vitest';
import { customStepBodySchema, type CustomStepDefinition } from '../custom-step/custom-step';
import { flowGraphSchema } from './flow-graph';
import { referenceProblems, upstreamOutputs } from './reference-check';

const position = { x: 0, y: 0 };
const definition: CustomStepDefinition = {
  id: 'cs-1',
  ...customStepBodySchema.parse({
    name: 'Post message',
    inputs: [
      { id: 'in-ch', label: 'Channel' },
      { id: 'in-msg', label: 'Message', defaultValue: 'Hi {{trigger.body.name}}' },
    ],
    outputs: [{ id: 'out-ts', label: 'Timestamp' }],
  }),
};
const lookup = (id: string) => (id === definition.id ? definition : undefined);

const graph = flowGraphSchema.parse({
  nodes: [
    { id: 't', type: 'manual-trigger', position, data: { name: 'Manual trigger', config: {} } },
    { id: 'get', type: 'http-request', position, data: { name: 'Get User', config: { endpointId: 'ep', path: '/users/{{trigger.body.id}}' } } },
    {
      id: 'post',
      type: 'custom-step',
      position,
      data: { name: 'Post', config: { customStepId: 'cs-1', inputs: { 'in-ch': '{{Get User.body.channel}}', 'in-msg': '' } } },
    },
    { id: 'route', type: 'switch', position, data: { name: 'Route', config: { value: '{{Post.Timestamp}}', cases: [{ id: 'c1', value: '{{Get User.status}}' }] } } },
    {
      id: 'side',
      type: 'http-request',
      position,
      data: {
        name: 'Side',
        config: {
          endpointId: 'ep',
          path: '/{{Post.Timestamp}}/{{Nobody.x}}/{{Get User.nope}}/{{trigger.query}}/{{Side.status}}/{{}}',
          headers: [{ name: 'X-Id', value: '{{trigger.body.id}}' }],
          body: '{{Manual trigger.body}}',
        },
      },
    },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'get' },
    { id: 'e2', source: 'get', target: 'post' },
    { id: 'e3', source: 'post', target: 'route' },
    { id: 'e4', source: 'get', target: 'side' },
  ],
});

describe('referenceProblems', () => {
  it('accepts references to the trigger and to upstream outputs (nested paths included)', () => {
    const problems = referenceProblems(graph, lookup).filter((p) => p.nodeId !== 'side');
    expect(problems).toEqual([]);
  });

  it('flags steps that are not upstream, unknown steps and outputs, self references and empty ones', () => {
    const problems = referenceProblems(graph, lookup);
    expect(problems.map((p) => [p.nodeId, p.field, p.reference])).toEqual([
      ['side', 'path', 'Post.Timestamp'],
      ['side', 'path', 'Nobody.x'],
      ['side', 'path', 'Get User.nope'],
      ['side', 'path', 'trigger.query'],
      ['side', 'path', 'Side.status'],
      ['side', 'path', ''],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      '{{Post.Timestamp}} in Path: step "Post" is not upstream of this step; connect it before this step',
      '{{Nobody.x}} in Path: there is no step named "Nobody"',
      '{{Get User.nope}} in Path: step "Get User" has no output "nope"',
      '{{trigger.query}} in Path: step "trigger" has no output "query"',
      '{{Side.status}} in Path: a step cannot use its own outputs',
      '{{}} in Path: the reference is empty',
    ]);
    expect(problems[0]).toMatchObject({ stepName: 'Side' });
  });

  it('checks custom step inputs by id, defaults included, and custom step outputs by label', () => {
    const bad = flowGraphSchema.parse({
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.id === 'post' && node.type === 'custom-step'
          ? { ...node, data: { ...node.data, config: { ...node.data.config, inputs: { 'in-ch': '{{Route.value}}' } } } }
          : node.id === 'route' && node.type === 'switch'
            ? { ...node, data: { ...node.data, config: { ...node.data.config, value: '{{Post.Nope}}' } } }
            : node,
      ),
    });
    const problems = referenceProblems(bad, lookup).filter((p) => p.nodeId !== 'side');
    expect(problems.map((p) => [p.nodeId, p.field, p.message])).toEqual([
      ['post', 'inputs.in-ch', '{{Route.value}} in input "Channel": step "Route" is not upstream of this step; connect it before this step'],
      ['route', 'value', '{{Post.Nope}} in Value: step "Post" has no output "Nope"'],
    ]);
    // Without definitions, any output of a custom step is accepted.
    expect(referenceProblems(bad).filter((p) => p.nodeId !== 'side').map((p) => p.nodeId)).toEqual(['post']);
  });

  it('accepts quoted segments after a step name and checks a quoted output exactly', () => {
    const quoted = flowGraphSchema.parse({
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.id === 'route' && node.type === 'switch'
          ? { ...node, data: { ...node.data, config: { value: '{{Get User["body"]["a.b"][0]}}', cases: [{ id: 'c1', value: '{{Post["timestamp"]}}' }] } } }
          : node,
      ),
    });
    const problems = referenceProblems(quoted, lookup).filter((p) => p.nodeId === 'route');
    expect(problems.map((p) => p.message)).toEqual(['{{Post["timestamp"]}} in case 1: step "Post" has no output "timestamp"']);
  });

  it('treats a default that refers to a missing step as a problem of the instance', () => {
    const other = { ...definition, inputs: [{ ...definition.inputs[1]!, defaultValue: '{{Ghost.x}}' }] };
    const problems = referenceProblems(graph, (id) => (id === 'cs-1' ? other : undefined));
    expect(problems.filter((p) => p.nodeId === 'post')).toMatchObject([{ field: 'inputs.in-msg', reference: 'Ghost.x' }]);
  });
});

describe('upstreamOutputs', () => {
  it('lists the trigger first, then upstream steps in flow order with their outputs', () => {
    expect(upstreamOutputs(graph, 'route', lookup)).toEqual([
      { nodeId: 't', stepName: 'Manual trigger', referenceName: 'trigger', outputs: ['body'] },
      { nodeId: 'get', stepName: 'Get User', referenceName: 'Get User', outputs: ['status', 'headers', 'body'] },
      { nodeId: 'post', stepName: 'Post', referenceName: 'Post', outputs: ['Timestamp'] },
    ]);
    expect(upstreamOutputs(graph, 'side', lookup).map((s) => s.stepName)).toEqual(['Manual trigger', 'Get User']);
    expect(upstreamOutputs(graph, 't', lookup)).toEqual([]);
  });

  it('gives switch outputs, and no outputs for a custom step without its definition', () => {
    const after = flowGraphSchema.parse({
      nodes: [...graph.nodes, { id: 'end', type: 'http-request', position, data: { name: 'End', config: {} } }],
      edges: [...graph.edges, { id: 'e5', source: 'route', target: 'end', sourceHandle: 'c1' }],
    });
    const outputs = upstreamOutputs(after, 'end');
    expect(outputs.find((s) => s.nodeId === 'route')?.outputs).toEqual(['value', 'matched']);
    expect(outputs.find((s) => s.nodeId === 'post')?.outputs).toEqual([]);
  });
});
