import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router';

const doc = readFileSync(new URL('../../../../docs/architecture.md', import.meta.url), 'utf8');

/** The backticked names in the rows of the "tRPC API" table of docs/architecture.md. */
function documentedProcedures(): Set<string> {
  const section = doc.slice(doc.indexOf('## tRPC API'), doc.indexOf('\n## ', doc.indexOf('## tRPC API') + 1));
  const names = new Set<string>();
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const firstCell = row.split(' | ')[0] ?? '';
    for (const match of firstCell.matchAll(/`([a-zA-Z.]+)`/g)) names.add(match[1] ?? '');
  }
  return names;
}

describe('docs/architecture.md', () => {
  it('lists every tRPC procedure in its procedure table', () => {
    const documented = documentedProcedures();
    const missing = Object.keys(appRouter._def.procedures).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
