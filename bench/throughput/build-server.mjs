#!/usr/bin/env node
// Builds the server the way apps/server/build.mjs does, but into bench/.work/throughput/dist, so a
// benchmark never deletes apps/server/dist under another job (e2e tests, a running server).
// Skips the build when the output is newer than every source file it is made from.
//   node bench/throughput/build-server.mjs [--force]     prints the path of main.js
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const serverRequire = createRequire(join(serverDir, 'package.json'));
const { build } = await import(serverRequire.resolve('esbuild'));
const scriptWorkerEntry = createRequire(join(repoRoot, 'packages/engine/package.json')).resolve('@flowyard/engine/script-worker');
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// The server's own dependencies stay external (as in the real build) and resolve through this link.
symlinkSync(join(serverDir, 'node_modules'), join(outDir, 'node_modules'), 'dir');
await build({
  entryPoints: { main: join(serverDir, 'src/main.ts'), 'script-worker': scriptWorkerEntry },
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'dependency-placement',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:')) return { external: true };
          const name = packageName(args.path);
          if (name.startsWith('@flowyard/')) return undefined;
          if (existsSync(join(serverDir, 'node_modules', name))) return { external: true };
          return undefined;
        });
      },
    },
  ],
  banner: { js: "import { createRequire as __flowyardCreateRequire } from 'node:module'; const require = __flowyardCreateRequire(import.meta.url);" },
});
cpSync(join(repoRoot, 'packages/db/migrations'), join(outDir, 'migrations'), { recursive: true });
console.log(main);
