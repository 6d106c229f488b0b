import { flowEdgeSchema, flowNodeSchema, flowNoteSchema, type FlowEdge, type FlowGraph, type FlowNode, type FlowNote } from '@flowyard/engine/schemas';
import { z } from 'zod';

/** The marker that tells Flowyard steps apart from any other text on the system clipboard. */
export const STEPS_CLIPBOARD_FORMAT = 'flowyard/steps';

/** Copied steps as they travel through the system clipboard (also between flows and tabs). */
export interface StepsClipboard {
  nodes: FlowNode[];
  /** Only connections between copied steps. */
  edges: FlowEdge[];
  notes: FlowNote[];
}

const clipboardSchema = z.object({
  format: z.literal(STEPS_CLIPBOARD_FORMAT),
  version: z.literal(1),
  nodes: z.array(flowNodeSchema).max(1000),
  edges: z.array(flowEdgeSchema).max(4000),
  notes: z.array(flowNoteSchema).max(200).default([]),
});

/** Larger clipboard text is not Flowyard's (a full 1,000-step flow is well under this). */
const MAX_CLIPBOARD_CHARS = 20_000_000;

/** The steps and notes of a saveable graph whose ids are `selected`, with the connections between those steps. */
export function copyOf(graph: FlowGraph, selected: ReadonlySet<string>): StepsClipboard | null {
  const nodes = graph.nodes.filter((node) => selected.has(node.id));
  const notes = (graph.notes ?? []).filter((note) => selected.has(note.id));
  if (nodes.length === 0 && notes.length === 0) return null;
  const edges = graph.edges.filter((edge) => selected.has(edge.source) && selected.has(edge.target));
  return { nodes, edges, notes };
}

/** The clipboard text for copied steps: JSON carrying the format marker. */
export function serializeClipboard(clip: StepsClipboard): string {
  return JSON.stringify({ format: STEPS_CLIPBOARD_FORMAT, version: 1, ...clip });
}

/** The steps in clipboard text, or null when it holds anything else (checked like a save would be). */
export function parseClipboard(text: string): StepsClipboard | null {
  if (text.length > MAX_CLIPBOARD_CHARS || !text.includes(STEPS_CLIPBOARD_FORMAT)) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clipboardSchema.safeParse(json);
  return parsed.success ? { nodes: parsed.data.nodes, edges: parsed.data.edges, notes: parsed.data.notes } : null;
}
