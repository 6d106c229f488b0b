// Bundles the server into dist/main.js. Workspace packages (@flowyard/*) are bundled from
// source; other packages stay external when the server can import them at run time
// (its own dependencies, e.g. @libsql/client with its native binding), and are bundled
// otherwise (pure-JS dependencies of workspace packages). The db migrations are copied
// to dist/migrations, where createDb looks for them when bundled.
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = dirname(fileURLToPath(import.meta.url));
const distDir = join(serverDir, 'dist');
const migrationsDir = join(serverDir, '../../packages/db/migrations');

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
await build({
  entryPoints: [join(serverDir, 'src/main.ts')],
  outfile: join(distDir, 'main.js'),
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
if (!existsSync(join(migrationsDir, 'meta/_journal.json'))) throw new Error(`No migrations in ${migrationsDir}`);
cpSync(migrationsDir, join(distDir, 'migrations'), { recursive: true });
console.log(`Built ${join(distDir, 'main.js')} (+ migrations)`);
