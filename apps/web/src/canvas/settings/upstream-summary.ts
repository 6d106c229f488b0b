import type { UpstreamSource } from '@flowyard/engine/schemas';

const said: Record<UpstreamSource, string> = { pin: 'pinned', run: 'last run', none: 'no data' };

/** " · data: Start (last run), Create (pinned)" for a test's upstream steps; empty when there are none. */
export function upstreamSummary(upstream: Record<string, UpstreamSource>): string {
  const entries = Object.entries(upstream);
  if (entries.length === 0) return '';
  return ` · data: ${entries.map(([name, source]) => `${name} (${said[source]})`).join(', ')}`;
}
