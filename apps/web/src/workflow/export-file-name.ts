/** The download name of a workflow's export: `<workflow>-flowyard.json`, the workflow's name made file-safe. */
export function exportFileName(workflowName: string): string {
  const safe = workflowName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${safe || 'workflow'}-flowyard.json`;
}
