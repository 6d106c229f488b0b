import { z } from 'zod';
import { httpRequestConfigSchema } from '../steps/http-request/http-request-config';
import { customStepConfigSchema } from '../steps/custom-step/custom-step-config';
import { findUserConfigSchema } from '../steps/find-user/find-user-config';
import { httpTriggerConfigSchema } from '../steps/http-trigger/http-trigger-config';
import { manualTriggerConfigSchema } from '../steps/manual-trigger/manual-trigger-config';
import { switchConfigSchema } from '../steps/switch/switch-config';
import { onFailureSchema } from './on-failure';
import { stepPinsSchema } from './step-pins';

export const stepNameSchema = z
  .string({ error: 'Step name is required' })
  .trim()
  .min(1, 'Step name is required')
  .max(100, 'Step name must be at most 100 characters');

const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const nodeIdSchema = z.string().min(1).max(100);

/** Every node type the canvas knows; the web app keys its node components by these names. */
export const manualTriggerNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('manual-trigger'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: manualTriggerConfigSchema }),
});

export const httpRequestNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('http-request'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: httpRequestConfigSchema, onFailure: onFailureSchema.optional() }),
});

export const customStepNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('custom-step'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: customStepConfigSchema, onFailure: onFailureSchema.optional() }),
});

export const switchNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('switch'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: switchConfigSchema }),
});

export const httpTriggerNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('http-trigger'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: httpTriggerConfigSchema }),
});

export const findUserNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.literal('find-user'),
  position: positionSchema,
  data: z.object({ name: stepNameSchema, config: findUserConfigSchema, onFailure: onFailureSchema.optional() }),
});

export const flowNodeSchema = z.discriminatedUnion('type', [
  manualTriggerNodeSchema,
  httpTriggerNodeSchema,
  httpRequestNodeSchema,
  customStepNodeSchema,
  switchNodeSchema,
  findUserNodeSchema,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowNodeType = FlowNode['type'];
export type FlowNodeOf<T extends FlowNodeType> = Extract<FlowNode, { type: T }>;

export const triggerNodeTypes = ['manual-trigger', 'http-trigger'] as const satisfies readonly FlowNodeType[];

export const flowEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: nodeIdSchema,
  target: nodeIdSchema,
  sourceHandle: z.string().max(100).nullable().default(null),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

/**
 * A sticky note on the canvas: text for people, never run. Notes are kept apart from `nodes` so
 * the runner, reference checks, compile order and usage indexes never see one (by construction).
 */
export const flowNoteSchema = z.object({
  id: nodeIdSchema,
  position: positionSchema,
  width: z.number().finite().min(80).max(4000),
  height: z.number().finite().min(40).max(4000),
  text: z.string().max(10_000, 'A note holds at most 10000 characters'),
});
export type FlowNote = z.infer<typeof flowNoteSchema>;

/** A flow as saved: nodes and edges, checked for dangling edges, duplicates and cycles, and its notes. */
export const flowGraphSchema = z
  .object({
    // Large flows are edited and benchmarked at 1,000 steps (bench/canvas).
    nodes: z.array(flowNodeSchema).max(1000, 'A flow holds at most 1000 steps'),
    edges: z.array(flowEdgeSchema).max(4000, 'A flow holds at most 4000 connections'),
    // Absent in flows saved before notes existed.
    notes: z.array(flowNoteSchema).max(200, 'A flow holds at most 200 notes').optional(),
    // Pinned outputs by node id (absent in flows saved before pins existed); see step-pins.ts.
    pins: stepPinsSchema.optional(),
  })
  .superRefine((graph, ctx) => {
    const ids = new Set<string>();
    const names = new Map<string, number>();
    graph.nodes.forEach((node, index) => {
      if (ids.has(node.id)) ctx.addIssue({ code: 'custom', path: ['nodes', index, 'id'], message: `Duplicate step id "${node.id}"` });
      ids.add(node.id);
      const key = node.data.name.toLowerCase();
      if (names.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['nodes', index, 'data', 'name'], message: `Another step is already named "${node.data.name}"` });
      }
      names.set(key, index);
    });
    // Note ids share the canvas with step ids, but connections may only join steps (`ids`).
    const taken = new Set(ids);
    graph.notes?.forEach((note, index) => {
      if (taken.has(note.id)) ctx.addIssue({ code: 'custom', path: ['notes', index, 'id'], message: `Duplicate id "${note.id}"` });
      taken.add(note.id);
    });
    const triggers = new Set(graph.nodes.filter((n) => (triggerNodeTypes as readonly string[]).includes(n.type)).map((n) => n.id));
    graph.edges.forEach((edge, index) => {
      if (!ids.has(edge.source)) ctx.addIssue({ code: 'custom', path: ['edges', index, 'source'], message: `Connection starts at unknown step "${edge.source}"` });
      if (!ids.has(edge.target)) ctx.addIssue({ code: 'custom', path: ['edges', index, 'target'], message: `Connection ends at unknown step "${edge.target}"` });
      if (edge.source === edge.target) ctx.addIssue({ code: 'custom', path: ['edges', index], message: 'A step cannot connect to itself' });
      if (triggers.has(edge.target)) ctx.addIssue({ code: 'custom', path: ['edges', index, 'target'], message: 'A trigger cannot have incoming connections' });
    });
    if (hasCycle(graph.nodes.map((n) => n.id), graph.edges)) {
      ctx.addIssue({ code: 'custom', path: ['edges'], message: 'Connections form a loop; flows must not loop back' });
    }
  });
export type FlowGraph = z.infer<typeof flowGraphSchema>;

function hasCycle(ids: string[], edges: { source: string; target: string }[]): boolean {
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) next.get(e.source)?.push(e.target);
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 2) return false;
    if (state.get(id) === 1) return true;
    state.set(id, 1);
    for (const t of next.get(id) ?? []) if (visit(t)) return true;
    state.set(id, 2);
    return false;
  };
  return ids.some((id) => visit(id));
}

export const emptyFlowGraph: FlowGraph = { nodes: [], edges: [] };
