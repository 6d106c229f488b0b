import { flowGraphSchema, type FlowGraph } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { planPaste } from './paste-plan';
import { copyOf, parseClipboard, serializeClipboard, STEPS_CLIPBOARD_FORMAT } from './steps-clipboard';

const graph: FlowGraph = flowGraphSchema.parse({
  nodes: [
    { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: {} } },
    { id: 'a', type: 'http-request', position: { x: 0, y: 100 }, data: { name: 'Fetch', config: { endpointId: 'ep-1', path: '/items/{{trigger.body.id}}' } } },
    { id: 'b', type: 'http-request', position: { x: 0, y: 200 }, data: { name: 'Post', config: { endpointId: 'ep-2', body: '{"n": "{{Fetch.status}}"}' } } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'a', sourceHandle: null },
    { id: 'e2', source: 'a', target: 'b', sourceHandle: null },
  ],
  notes: [{ id: 'n', position: { x: 300, y: 0 }, width: 200, height: 100, text: 'Why' }],
});

let seq = 0;
const newId = (type: string) => `${type}-new-${++seq}`;

describe('copy and paste of steps', () => {
  it('copies the selected steps and notes with only the connections between them', () => {
    const clip = copyOf(graph, new Set(['a', 'b', 'n']));
    expect(clip?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(clip?.edges.map((e) => e.id)).toEqual(['e2']);
    expect(clip?.notes.map((n) => n.id)).toEqual(['n']);
    expect(copyOf(graph, new Set())).toBeNull();
  });

  it('round-trips through clipboard text carrying the format marker, and refuses anything else', () => {
    const clip = copyOf(graph, new Set(['a', 'b']));
    if (!clip) throw new Error('nothing copied');
    const text = serializeClipboard(clip);
    expect(JSON.parse(text)).toMatchObject({ format: STEPS_CLIPBOARD_FORMAT, version: 1 });
    expect(parseClipboard(text)).toEqual({ ...clip, notes: [] });
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard(JSON.stringify({ format: STEPS_CLIPBOARD_FORMAT, version: 1, nodes: [{ id: 'x' }], edges: [] }))).toBeNull();
  });

  it('pastes with new ids and unique names, settings and endpoints kept, references between pasted steps renamed', () => {
    const clip = copyOf(graph, new Set(['a', 'b', 'n']));
    if (!clip) throw new Error('nothing copied');
    const plan = planPaste(clip, { takenIds: ['t', 'a', 'b', 'n'], takenNames: ['Manual Trigger', 'Fetch', 'Post'], newId, offset: { x: 40, y: 40 } });
    expect(plan.nodes.map((n) => n.data.name)).toEqual(['Fetch 2', 'Post 2']);
    expect(plan.nodes.every((n) => !['a', 'b'].includes(n.id))).toBe(true);
    const [fetch, post] = plan.nodes;
    expect(fetch?.type === 'http-request' && fetch.data.config.endpointId).toBe('ep-1');
    expect(fetch?.type === 'http-request' && fetch.data.config.path).toBe('/items/{{trigger.body.id}}');
    expect(post?.type === 'http-request' && post.data.config.body).toBe('{"n": "{{Fetch 2.status}}"}');
    expect(fetch?.position).toEqual({ x: 40, y: 140 });
    expect(plan.edges).toEqual([{ id: `e-${fetch?.id}-out-${post?.id}`, source: fetch?.id, target: post?.id, sourceHandle: null }]);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]?.id).not.toBe('n');
    // The pasted graph saves.
    expect(flowGraphSchema.safeParse({ nodes: [...graph.nodes, ...plan.nodes], edges: [...graph.edges, ...plan.edges], notes: [...(graph.notes ?? []), ...plan.notes] }).success).toBe(true);
  });

  it('keeps names into another flow where they are free', () => {
    const clip = copyOf(graph, new Set(['a', 'b']));
    if (!clip) throw new Error('nothing copied');
    const plan = planPaste(clip, { takenIds: [], takenNames: [], newId, offset: { x: 0, y: 0 } });
    expect(plan.nodes.map((n) => n.data.name)).toEqual(['Fetch', 'Post']);
    expect(plan.nodes[1]?.type === 'http-request' && plan.nodes[1].data.config.body).toBe('{"n": "{{Fetch.status}}"}');
  });
});
