// Bundles the server into dist/main.js, and the script sandbox's worker-thread entry into
// dist/script-worker.js beside it (the engine's defaultScriptWorkerUrl looks there; the
// QuickJS WebAssembly is embedded in that bundle by its single-file variant). Workspace packages (@flowyard/*) are bundled from
// source; other packages stay external when they are dependencies of the server or of
// @flowyard/db (its drivers: @libsql/client with its native binding, pg), linked from
// dist/node_modules, and are bundled otherwise (pure-JS dependencies of the engine). The db
// migrations are copied to dist/migrations, where the stores look for them when bundled.
//   node build.mjs [--out DIR]   (default dist; the throughput bench builds into its own folder)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const serverDir = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const distDir = args.out === undefined ? join(serverDir, 'dist') : resolve(args.out);
const dbDir = join(serverDir, '../../packages/db');
const migrationsDir = join(dbDir, 'migrations');
// Where external packages are found, and the ones the bundle imports (name → its folder).
const externalHomes = [join(serverDir, 'node_modules'), join(dbDir, 'node_modules')];
const externals = new Map();
const scriptWorkerEntry = createRequire(join(serverDir, '../../packages/engine/package.json')).resolve('@flowyard/engine/script-worker');

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const dependencyPlacement = {
  name: 'dependency-placement',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = packageName(args.path);
      if (name.startsWith('@flowyard/')) return undefined;
      const home = externalHomes.find((modules) => existsSync(join(modules, name)));
      if (home === undefined) return undefined;
      externals.set(name, join(home, name));
      return { external: true };
    });
  },
};

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
await build({
  entryPoints: { main: join(serverDir, 'src/main.ts'), 'script-worker': scriptWorkerEntry },
  outdir: distDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [dependencyPlacement],
  // Bundled CommonJS code calls require(); give it one in the ESM bundle.
  banner: { js: "import { createRequire as __flowyardCreateRequire } from 'node:module'; const require = __flowyardCreateRequire(import.meta.url);" },
});
// The bundle imports its externals from dist/node_modules: one link per package, wherever it was found.
for (const [name, folder] of externals) {
  const link = join(distDir, 'node_modules', name);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(realpathSync(folder), link, 'dir');
}
if (!existsSync(join(migrationsDir, 'sqlite/meta/_journal.json'))) throw new Error(`No migrations in ${migrationsDir}`);
cpSync(migrationsDir, join(distDir, 'migrations'), { recursive: true });
if (!existsSync(join(distDir, 'script-worker.js'))) throw new Error('The script worker was not bundled');
console.log(`Built ${join(distDir, 'main.js')} (+ script-worker.js, migrations)`);
