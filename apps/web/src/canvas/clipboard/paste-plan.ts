import { flowNodeSchema, type FlowEdge, type FlowNode, type FlowNodeType, type FlowNote } from '@flowyard/engine/schemas';
import { edgeId, uniqueStepName } from '../graph-rules';
import { mapJsonStrings, renameReferences } from './rename-references';
import type { StepsClipboard } from './steps-clipboard';

export interface PasteOptions {
  /** Ids already on the canvas (steps and notes). */
  takenIds: Iterable<string>;
  /** Step names already in the flow. */
  takenNames: Iterable<string>;
  newId(type: FlowNodeType | 'note'): string;
  /** Moved by this much from where they were copied. */
  offset: { x: number; y: number };
}

export interface PastePlan {
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
}

/**
 * Copied steps made ready to add: new ids, names made unique against the flow (and each other),
 * references between the pasted steps rewritten to their new names, settings and endpoint
 * bindings kept, and only the connections between pasted steps.
 */
export function planPaste(clip: StepsClipboard, options: PasteOptions): PastePlan {
  const taken = new Set(options.takenIds);
  const names = [...options.takenNames];
  const freshId = (type: FlowNodeType | 'note') => {
    let id = options.newId(type);
    while (taken.has(id)) id = options.newId(type);
    taken.add(id);
    return id;
  };
  const move = (position: { x: number; y: number }) => ({ x: position.x + options.offset.x, y: position.y + options.offset.y });

  const ids = new Map<string, string>();
  const renames = new Map<string, string>();
  for (const node of clip.nodes) {
    ids.set(node.id, freshId(node.type));
    const name = uniqueStepName(node.data.name, names);
    names.push(name);
    if (name !== node.data.name) renames.set(node.data.name, name);
  }
  const nodes = clip.nodes.map((node): FlowNode => {
    const config = mapJsonStrings(node.data.config, (text) => renameReferences(text, renames));
    // Parsed again: the rewritten settings are checked as a save would check them.
    return flowNodeSchema.parse({ ...node, id: ids.get(node.id), position: move(node.position), data: { name: renames.get(node.data.name) ?? node.data.name, config } });
  });
  const edges = clip.edges.flatMap((edge): FlowEdge[] => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const link = { source, target, sourceHandle: edge.sourceHandle };
    return [{ id: edgeId(link), ...link }];
  });
  const notes = clip.notes.map((note) => ({ ...note, id: freshId('note'), position: move(note.position) }));
  return { nodes, edges, notes };
}
