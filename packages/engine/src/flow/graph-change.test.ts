import { describe, expect, it } from 'vitest';
import type { FlowGraph, FlowNode } from './flow-graph';
import { describeGraphChange } from './graph-change';

const step = (id: string, name = id, x = 0): FlowNode => ({ id, type: 'manual-trigger', position: { x, y: 0 }, data: { name, config: { testPayload: '{}' } } });
const graph = (nodes: FlowNode[], edges: FlowGraph['edges'] = [], notes?: FlowGraph['notes']): FlowGraph => ({ nodes, edges, ...(notes ? { notes } : {}) });

describe('describeGraphChange', () => {
  it('says "No changes" when nothing changed', () => {
    expect(describeGraphChange(graph([step('a')]), graph([step('a')]))).toBe('No changes');
  });

  it('counts steps changed, added, removed and moved apart, and connections', () => {
    const before = graph([step('a'), step('b'), step('c'), step('d')], [{ id: 'e1', source: 'a', target: 'b', sourceHandle: null }]);
    const after = graph([step('a', 'A2'), step('b', 'B2'), step('c', 'c', 50), step('x'), step('y')], [{ id: 'e9', source: 'a', target: 'c', sourceHandle: null }]);
    expect(describeGraphChange(before, after)).toBe('2 steps changed, 2 steps added, 1 step removed, 1 step moved, 2 connections changed');
  });

  it('an edge with a new id but the same ends is not a change; notes are', () => {
    const note = { id: 'n', position: { x: 0, y: 0 }, width: 100, height: 50, text: 'hi' };
    const before = graph([step('a'), step('b')], [{ id: 'e1', source: 'a', target: 'b', sourceHandle: null }]);
    const after = graph([step('a'), step('b')], [{ id: 'e2', source: 'a', target: 'b', sourceHandle: null }], [note]);
    expect(describeGraphChange(before, after)).toBe('Notes changed');
    expect(describeGraphChange(graph([]), graph([step('a')]))).toBe('1 step added');
  });
});
