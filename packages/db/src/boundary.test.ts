import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

// Value imports and re-exports, and dynamic imports (type-only ones are erased).
const specifiers = (source: string): string[] => [
  ...[...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''),
  ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? ''),
];

function sources(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.set(relative(here, path), readFileSync(path, 'utf8'));
    }
  };
  visit(resolve(here, folder));
  return files;
}

/** `file: imports x` for every value import of `file` that `forbidden` matches (relative ones resolved from src/). */
function importsMatching(files: Map<string, string>, forbidden: (target: string) => boolean): string[] {
  const offenders: string[] = [];
  for (const [file, source] of files) {
    for (const spec of specifiers(source)) {
      const target = spec.startsWith('.') ? relative(here, resolve(here, dirname(file), spec)) : spec;
      if (forbidden(target)) offenders.push(`${file}: imports ${spec}`);
    }
  }
  return offenders;
}

const drivers = ['@libsql/client', 'libsql', 'pg', 'drizzle-orm/libsql', 'drizzle-orm/node-postgres'];
const isDriver = (target: string): boolean => drivers.some((driver) => target === driver || target.startsWith(`${driver}/`));
const inFolder = (folder: string) => (target: string): boolean => target === folder || target.startsWith(`${folder}/`);

// What repository code may not use: SQLite's executors and batch, and SQL only one dialect knows.
const dialectOnly: [RegExp, string][] = [
  [/\.(?:get|all|run|values)\(\s*\)/, 'a SQLite executor (.get(), .all(), .run(), .values())'],
  [/\.batch\(/, 'a batch (SQLite only; write() makes writes atomic)'],
  [/\$count\b/, '$count'],
  [/\b(?:instr|strpos|json_extract|json_each|jsonb?_\w+|ilike|datetime|julianday|strftime|unixepoch|ifnull|iif|group_concat|string_agg|array_agg|unnest|glob|regexp|printf|typeof|to_char|date_trunc|now)\s*\(/i, 'a function of one dialect'],
  [/\bilike\b|::\w|\bpragma\b|sqlite_/i, 'syntax of one dialect'],
  [/from 'drizzle-orm\/(?:sqlite|pg)-core'/, 'a dialect core module (a type import of sqlite-core in query-context.ts aside)'],
];

describe('packages/db boundaries', () => {
  it('"." imports no driver and neither dialect statically (openStore loads the one it opens)', () => {
    const entry = sources('.');
    const offenders = [...entry]
      .filter(([file]) => !file.startsWith('sqlite/') && !file.startsWith('pg/') && !file.startsWith('testing/') && !file.startsWith('contract/'))
      .flatMap(([file, source]) => {
        const own = new Map([[file, source.replace(/await import\([^)]*\)/g, '')]]);
        return importsMatching(own, (target) => isDriver(target) || inFolder('sqlite')(target) || inFolder('pg')(target));
      });
    expect(offenders).toEqual([]);
    // The check sees what it looks for: open-store.ts does load the dialects, dynamically.
    expect(importsMatching(new Map([['open-store.ts', readFileSync(resolve(here, 'open-store.ts'), 'utf8')]]), inFolder('sqlite'))).toEqual(['open-store.ts: imports ./sqlite']);
  });

  it('src/sqlite and src/pg never import each other', () => {
    expect(importsMatching(sources('sqlite'), inFolder('pg'))).toEqual([]);
    expect(importsMatching(sources('pg'), inFolder('sqlite'))).toEqual([]);
  });

  it('repositories use only what both dialects share', () => {
    const repos = sources('repos');
    expect(repos.size).toBeGreaterThan(10);
    const offenders = [...repos].flatMap(([file, source]) => {
      const code = file === 'repos/query-context.ts' ? source.replace("import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';", '') : source;
      // Comments may name what code may not use.
      const withoutComments = code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return dialectOnly.filter(([pattern]) => pattern.test(withoutComments)).map(([, what]) => `${file}: ${what}`);
    });
    expect(offenders).toEqual([]);
    expect(importsMatching(repos, (target) => isDriver(target) || inFolder('sqlite')(target) || inFolder('pg')(target))).toEqual([]);
  });

  it('the repository check finds what it forbids', () => {
    const found = (code: string) => dialectOnly.filter(([pattern]) => pattern.test(code)).map(([, what]) => what);
    expect(found("orm.select().from(t.users).get()")).toHaveLength(1);
    expect(found('orm.batch([a, b])')).toHaveLength(1);
    expect(found('sql`instr(${users.name}, ${needle}) > 0`')).toHaveLength(1);
    expect(found("sql`${users.email} ilike ${pattern}`")).toHaveLength(1);
    expect(found("sql`${t.runs.payload}::jsonb`")).toHaveLength(1);
    expect(found('orm.insert(t.users).values(row)')).toEqual([]);
    expect(found("sql`lower(${users.name}) like ${pattern} escape '\\\\'`")).toEqual([]);
  });
});
