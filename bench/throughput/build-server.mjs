#!/usr/bin/env node
// Builds the server with apps/server/build.mjs, but into bench/.work/throughput/dist, so a
// benchmark never deletes apps/server/dist under another job (e2e tests, a running server).
// Skips the build when the output is newer than every source file it is made from.
//   node bench/throughput/build-server.mjs [--force]     prints the path of main.js
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverDir = join(repoRoot, 'apps/server');
const outDir = join(repoRoot, 'bench/.work/throughput/dist');
const main = join(outDir, 'main.js');
const sources = [join(serverDir, 'src'), join(repoRoot, 'packages/engine/src'), join(repoRoot, 'packages/db/src'), join(repoRoot, 'packages/db/migrations')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const force = process.argv.includes('--force');
if (!force && existsSync(main) && statSync(main).mtimeMs > Math.max(...sources.map(newestMtime))) {
  console.log(main);
  process.exit(0);
}

// The server's own build, pointed at this folder: one bundling recipe for both.
execFileSync(process.execPath, [join(serverDir, 'build.mjs'), '--out', outDir], { stdio: ['ignore', 2, 2] });
console.log(main);
