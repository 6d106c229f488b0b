import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

// Imports and re-exports (type-only ones included: a type of a driver is a dependency on it too),
// and dynamic imports.
const specifiers = (source: string): string[] => [
  ...[...source.matchAll(/^(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''),
  ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? ''),
];

function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    // This file names what it forbids.
    if (path !== fileURLToPath(import.meta.url)) files.set(relative(here, path), readFileSync(path, 'utf8'));
  }
  return files;
}

/** Modules that tie code to a database or a queue: only the composition root may import them. */
const storageModules = ['drizzle-orm', '@libsql/client', 'libsql', 'pg', 'graphile-worker', '@flowyard/db/sqlite', '@flowyard/db/pg'];
/** Files that may: the composition root, the roles, and the adapters that need a pg connection or the queue library (with their tests). */
const allowed = new Set(['compose.ts', 'queue/graphile-run-queue.ts', 'queue/graphile-run-queue.test.ts', 'notify/pg-run-notices.ts']);
/** The queue library is the server's own dependency (only its adapter imports it); drivers and the ORM belong to @flowyard/db. */
const ownDependencies = new Set(['graphile-worker']);

const isStorageModule = (spec: string): boolean => storageModules.some((name) => spec === name || spec.startsWith(`${name}/`));

function offenders(files: Map<string, string>): string[] {
  return [...files].flatMap(([file, source]) => (allowed.has(file) ? [] : specifiers(source).filter(isStorageModule).map((spec) => `${file}: imports ${spec}`)));
}

describe('the server sees storage through ports only', () => {
  it('imports no driver, ORM, queue or dialect module outside the composition root', () => {
    const files = sourceFiles(here);
    expect(files.size).toBeGreaterThan(100);
    expect(offenders(files)).toEqual([]);
  });

  it('the check finds what it forbids', () => {
    const planted = new Map([
      ['runs/x.ts', "import { eq } from 'drizzle-orm';\nimport type { Client } from '@libsql/client';"],
      ['queue/y.ts', "const pg = await import('pg');\nexport { openPgStore } from '@flowyard/db/pg';"],
      ['compose.ts', "import { openSqliteStore } from '@flowyard/db/sqlite';"],
      ['ok.ts', "import type { Store } from '@flowyard/db';\nimport { openTestStore } from '@flowyard/db/testing';"],
    ]);
    expect(offenders(planted)).toEqual([
      'runs/x.ts: imports drizzle-orm',
      'runs/x.ts: imports @libsql/client',
      'queue/y.ts: imports @flowyard/db/pg',
      'queue/y.ts: imports pg',
    ]);
  });

  it('has no dependency of its own on a driver or the ORM', () => {
    const manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'));
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(declared.filter((name) => isStorageModule(name) && !ownDependencies.has(name))).toEqual([]);
  });
});
