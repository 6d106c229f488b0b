// Bundles the server into dist/main.js, and the script sandbox's worker-thread entry into
// dist/script-worker.js beside it (the engine's defaultScriptWorkerUrl looks there; the
// QuickJS WebAssembly is embedded in that bundle by its single-file variant). Workspace packages (@flowyard/*) are bundled from
// source; other packages stay external when the server can import them at run time
// (its own dependencies, e.g. @libsql/client with its native binding), and are bundled
// otherwise (pure-JS dependencies of workspace packages). The db migrations are copied
// to dist/migrations, where createDb looks for them when bundled.
//   node build.mjs [--out DIR]   (default dist; the throughput bench builds into its own folder)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const serverDir = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const distDir = args.out === undefined ? join(serverDir, 'dist') : resolve(args.out);
const migrationsDir = join(serverDir, '../../packages/db/migrations');
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
      if (existsSync(join(serverDir, 'node_modules', name))) return { external: true };
      return undefined;
    });
  },
};

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
// Outside the server's folder, the external dependencies resolve through a link to its node_modules.
if (dirname(distDir) !== serverDir) symlinkSync(join(serverDir, 'node_modules'), join(distDir, 'node_modules'), 'dir');
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
if (!existsSync(join(migrationsDir, 'sqlite/meta/_journal.json'))) throw new Error(`No migrations in ${migrationsDir}`);
cpSync(migrationsDir, join(distDir, 'migrations'), { recursive: true });
if (!existsSync(join(distDir, 'script-worker.js'))) throw new Error('The script worker was not bundled');
console.log(`Built ${join(distDir, 'main.js')} (+ script-worker.js, migrations)`);
