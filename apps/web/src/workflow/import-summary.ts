import type { ImportSummary } from '@flowyard/engine/schemas';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 flows, 1 custom step, 3 endpoints (1 bound, 2 created)": what an import wrote, as a sentence part. */
export function importSummaryText(summary: ImportSummary): string {
  const endpoints = summary.endpointsBound + summary.endpointsCreated;
  const detail = endpoints === 0 ? '' : ` (${summary.endpointsBound} bound, ${summary.endpointsCreated} created)`;
  return `${fileContentsText(summary)}${detail}`;
}

/** "2 flows, 1 custom step, 3 endpoints": what a file holds, before its endpoints are bound. */
export function fileContentsText(summary: ImportSummary): string {
  const parts = [
    count(summary.flows, 'flow', 'flows'),
    count(summary.customSteps, 'custom step', 'custom steps'),
  ];
  if (summary.constants > 0) parts.push(count(summary.constants, 'constant', 'constants'));
  if (summary.libraries > 0) parts.push(count(summary.libraries, 'library', 'libraries'));
  if (summary.integrations > 0) parts.push(count(summary.integrations, 'integration', 'integrations'));
  const endpoints = summary.endpointsBound + summary.endpointsCreated;
  parts.push(endpoints === 0 ? 'no endpoints' : count(endpoints, 'endpoint', 'endpoints'));
  return parts.join(', ');
}

/** Records that arrive under another name because theirs was taken, as lines such as `Flow “Sync” arrives as “Sync (2)”`. */
export function renameLines(summary: ImportSummary): string[] {
  const what = { flow: 'Flow', customStep: 'Custom step', endpoint: 'Endpoint', integration: 'Integration' } as const;
  return summary.renamed.map((rename) => `${what[rename.kind]} “${rename.from}” arrives as “${rename.to}”`);
}
