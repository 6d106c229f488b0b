import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScriptWorkerData } from './worker-protocol';

// QuickJS's stack limit (SCRIPT_STACK_BYTES) must trip before V8's own stack runs out inside
// WebAssembly. Once V8 optimises QuickJS's interpreter loop, each of its frames takes ~20 KiB
// of native stack, so the 256 KiB QuickJS limit (~1 500 calls) needs ~32 MiB: 64 MiB leaves a
// margin (it is address space, touched only when used). The V8 heap only holds messages.
const WORKER_LIMITS = { stackSizeMb: 64, maxOldGenerationSizeMb: 256 };

/**
 * Where the worker code is. A bundled server ships `script-worker.js` beside its own bundle
 * (esbuild turns this module's `import.meta.url` into the bundle's); from source (tests, dev)
 * it is the TypeScript file next to this one, loaded through tsx.
 */
export function defaultScriptWorkerUrl(): URL {
  const bundled = new URL('./script-worker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./script-worker.ts', import.meta.url);
}

/** Starts a worker thread running the script worker at `url`. */
export function spawnScriptWorker(url: URL, data: ScriptWorkerData): Worker {
  const options = { workerData: data, resourceLimits: WORKER_LIMITS };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  // Node 20 cannot load TypeScript and ignores `--import` loaders in a worker's execArgv,
  // so register tsx from inside the worker before importing the entry.
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function tsxApiUrl(): string {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  } catch {
    throw new Error('The script worker is TypeScript source and tsx is not installed: bundle script-worker.ts (see apps/server/build.mjs) or pass workerUrl');
  }
  return pathToFileURL(packageJson.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
}
