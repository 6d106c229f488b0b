import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

// Value imports and re-exports (type-only ones are erased and may name Node modules).
const specifiers = (source: string): string[] =>
  [...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');

function reachableFiles(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    const source = readFileSync(file, 'utf8');
    files.set(file, source);
    for (const spec of specifiers(source)) if (spec.startsWith('.')) visit(`${resolve(dirname(file), spec)}.ts`);
  };
  visit(entry);
  return files;
}

function nodeOnlyUses(entry: string): string[] {
  const offenders: string[] = [];
  for (const [file, source] of reachableFiles(resolve(here, entry))) {
    for (const spec of specifiers(source)) if (!spec.startsWith('.') && spec !== 'zod') offenders.push(`${file}: imports ${spec}`);
    if (/\b(?:Buffer|process)\./.test(source)) offenders.push(`${file}: uses a Node global`);
  }
  return offenders;
}

describe('@flowyard/engine/schemas', () => {
  it('reaches no Node built-ins, undici or Node globals (the web app bundles it)', () => {
    expect(reachableFiles(resolve(here, 'schemas.ts')).size).toBeGreaterThan(10);
    expect(nodeOnlyUses('schemas.ts')).toEqual([]);
    // The check itself works: the Node entry does reach undici.
    expect(nodeOnlyUses('index.ts').some((line) => line.endsWith('imports undici'))).toBe(true);
  });

  it('loads and dispatches step helpers without the HTTP client', async () => {
    const schemas = await import('./schemas');
    const node = schemas.flowNodeSchema.parse({ id: 'n1', type: 'http-request', position: { x: 0, y: 0 }, data: { name: 'Call', config: {} } });
    expect(schemas.stepProblems(node)).toEqual(['Endpoint is required']);
    expect(schemas.stepEndpointIds(node)).toEqual([]);
  });
});
