import type { FlowEdge, FlowGraph, FlowNode, FlowNote } from './flow-graph';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// A step's settings without its place on the canvas: moving a step is reported apart from changing it.
const settingsOf = (node: FlowNode) => JSON.stringify({ type: node.type, data: node.data });
const edgeKey = (edge: FlowEdge) => JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
const noteKey = (note: FlowNote) => JSON.stringify(note);

/** What a save changed, for the History list: "3 steps changed, 1 step added", or "No changes". */
export function describeGraphChange(before: FlowGraph, after: FlowGraph): string {
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  const next = new Set(after.nodes.map((node) => node.id));
  let added = 0;
  let changed = 0;
  let moved = 0;
  for (const node of after.nodes) {
    const was = old.get(node.id);
    if (was === undefined) added++;
    else if (settingsOf(was) !== settingsOf(node)) changed++;
    else if (was.position.x !== node.position.x || was.position.y !== node.position.y) moved++;
  }
  const removed = before.nodes.filter((node) => !next.has(node.id)).length;
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const connections = [...newEdges].filter((k) => !oldEdges.has(k)).length + [...oldEdges].filter((k) => !newEdges.has(k)).length;
  const oldNotes = new Set((before.notes ?? []).map(noteKey));
  const newNotes = new Set((after.notes ?? []).map(noteKey));
  const notesChanged = oldNotes.size !== newNotes.size || [...newNotes].some((k) => !oldNotes.has(k));

  const parts = [
    changed > 0 ? `${plural(changed, 'step', 'steps')} changed` : '',
    added > 0 ? `${plural(added, 'step', 'steps')} added` : '',
    removed > 0 ? `${plural(removed, 'step', 'steps')} removed` : '',
    moved > 0 ? `${plural(moved, 'step', 'steps')} moved` : '',
    connections > 0 ? `${plural(connections, 'connection', 'connections')} changed` : '',
    notesChanged ? 'notes changed' : '',
  ].filter((part) => part !== '');
  if (parts.length === 0) return 'No changes';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
