#!/usr/bin/env node
// Starts the BUILT Flowyard server for the browser tests, on a data folder that is
// emptied first so every test run begins from a fresh install, with the mock OAuth
// providers (Slack, Microsoft identity, Salesforce login) running in this process on a
// fixed port (the server's port + 1) and the server's provider settings pointing at them.
// Run it with `node --import tsx` so the TypeScript mocks load.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// FLOWYARD_E2E_SERVER_MAIN: another build of the server (e.g. one that concurrent runs do not rebuild).
const serverMain = resolve(e2eDir, process.env.FLOWYARD_E2E_SERVER_MAIN ?? '../apps/server/dist/main.js');
const dataDir = process.env.FLOWYARD_E2E_DATA_DIR ?? join(e2eDir, '.tmp', 'data');
const port = process.env.FLOWYARD_E2E_PORT ?? '3917';
const providersPort = Number(process.env.FLOWYARD_E2E_PROVIDERS_PORT ?? Number(port) + 1);

if (!existsSync(serverMain)) {
  console.error(`start-server: ${serverMain} does not exist; run "pnpm build" in the repository root first.`);
  process.exit(1);
}

const { startMockProviders } = await import('../mocks/providers/start-mock-providers.ts');
const { adminAccount } = await import('../support/admin-account.ts');
const providers = await startMockProviders({ port: providersPort });

rmSync(dataDir, { recursive: true, force: true });
// For its owner only, as the server creates its own (it warns about a folder others can enter).
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const log = createWriteStream(join(dirname(dataDir), 'server.log'));

const child = spawn(process.execPath, [serverMain], {
  cwd: e2eDir,
  env: {
    ...process.env,
    ...providers.env,
    FLOWYARD_DATA_DIR: dataDir,
    PORT: port,
    HOST: '127.0.0.1',
    // The address the browser uses: OAuth redirects come back to it and the callback page
    // posts to an opener of this exact origin.
    FLOWYARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The first admin's password (support/admin-account.ts); the global setup signs in with it.
    FLOWYARD_ADMIN_PASSWORD: adminAccount.password,
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.pipe(log);
child.stderr.on('data', (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  log.end();
  void providers.close().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
