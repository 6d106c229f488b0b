import { defineConfig, devices } from '@playwright/test';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminAccount, adminStatePath } from './support/admin-account';

/** Fixed so the tests know where the app is; chosen to stay clear of the dev port 3000. */
const port = Number(process.env.FLOWYARD_E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${port}`;
/** The server's mock OAuth providers (Slack, Microsoft, Salesforce login) listen here; see support/server-providers.ts. */
const providersPort = Number(process.env.FLOWYARD_E2E_PROVIDERS_PORT ?? port + 1);

export default defineConfig({
  testDir: './tests',
  // Signs the admin in once through the sign-in page; every test starts signed in (use.storageState).
  globalSetup: './support/global-setup.ts',
  outputDir: './test-results',
  // Two cores and one shared server: one worker keeps runs deterministic.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    storageState: adminStatePath(dirname(fileURLToPath(import.meta.url))),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        // Debian's Chromium: Playwright's own browser download is not reachable here.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // Runs from this folder (the config's); the wrapper empties the data folder first and
    // starts the mock providers (TypeScript, hence tsx) before the server.
    command: 'node --import tsx scripts/start-server.mjs',
    url: `${baseURL}/healthz`,
    env: {
      FLOWYARD_E2E_PORT: String(port),
      FLOWYARD_E2E_PROVIDERS_PORT: String(providersPort),
      FLOWYARD_E2E_ADMIN_PASSWORD: adminAccount.password,
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
