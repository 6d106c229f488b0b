import type { FlowGraph } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { graphKey } from './graph-rules';

const data = { name: 'Find', config: { search: '{{trigger.body.q}}' } };
const graph: FlowGraph = {
  nodes: [{ id: 'n1', type: 'find-user', position: { x: 0, y: 0 }, data }],
  edges: [],
};

describe('graphKey', () => {
  it('is equal for equal graphs whatever the property order, and for no notes or empty notes', () => {
    const reordered: FlowGraph = { edges: [], nodes: [{ data: { config: { search: '{{trigger.body.q}}' }, name: 'Find' }, position: { y: 0, x: 0 }, type: 'find-user', id: 'n1' }] };
    expect(graphKey(reordered)).toBe(graphKey(graph));
    expect(graphKey({ ...graph, notes: [], pins: {} })).toBe(graphKey(graph));
  });

  it('sees a move of a step that keeps its settings object (a drag), and a change of the settings', () => {
    const before = graphKey(graph);
    const moved: FlowGraph = { ...graph, nodes: [{ id: 'n1', type: 'find-user', position: { x: 10, y: 0 }, data }] };
    expect(graphKey(moved)).not.toBe(before);
    const renamed: FlowGraph = { ...graph, nodes: [{ id: 'n1', type: 'find-user', position: { x: 0, y: 0 }, data: { ...data, name: 'Other' } }] };
    expect(graphKey(renamed)).not.toBe(before);
  });
});
