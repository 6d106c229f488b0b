import { createScriptPool } from '@flowyard/engine';
import { randomUUID } from 'node:crypto';
import { bootstrap, createAppServices, openAppStorage } from './compose';
import { adminPasswordFromEnv, firstAdminLogLines } from './auth/admin-password';
import { loadConfig } from './config';
import { prepareDataDir } from './data-dir';
import { createEndpointHttpClient } from './endpoints/endpoint-http';
import { configureLog, log } from './log';
import { createMetrics } from './metrics/metrics';
import { retentionFromEnv } from './retention/retention-policy';
import { createSecretBox } from './secrets/secret-box';
import { warmScriptsWhenNeeded } from './scripting/warm-when-needed';
import { loadSecretKey } from './secrets/secret-key';
import { loadProviderSettings } from './settings/provider-settings';
import { startRole } from './roles/start-role';

async function main(): Promise<void> {
  const config = loadConfig();
  const adminPassword = adminPasswordFromEnv(process.env);
  if (prepareDataDir(config.dataDir).openToOthers) {
    log.warn(`The data folder ${config.dataDir} can be entered by other users; \`chmod 700\` it to keep them out (its files are readable by this user only)`);
  }
  const secretBox = createSecretBox(loadSecretKey({ envKey: config.secretKey, dataDir: config.dataDir }));
  const storage = await openAppStorage(config);
  const { store } = storage;
  const instanceId = randomUUID();
  // Every log line from here on says which instance and role wrote it.
  configureLog({ role: config.role, instanceId: process.env.FLOWYARD_INSTANCE_ID?.trim() || instanceId });
  const providers = loadProviderSettings(process.env, config.publicUrl);
  const metrics = createMetrics({ defaultMetrics: true });
  const http = createEndpointHttpClient({ store, secretBox }, { maxResponseBytes: config.maxResponseBytes, onTokenRequest: () => metrics.tokenRequested() });
  // One pool for the process: up to FLOWYARD_SCRIPT_WORKERS workers (default one per core), two
  // kept warm, at most half of them for one flow at once; scripts run there, never on this event
  // loop. Warmed once there are scripts.
  const scripts = createScriptPool({ maxWorkers: config.scriptWorkers });
  const stopWarming = warmScriptsWhenNeeded(store, scripts);
  const services = createAppServices({ store, secretBox, providers, now: () => new Date(), newId: () => randomUUID() }, {
    http,
    scripts,
    recordFlushMs: config.recordFlushMs,
    retention: retentionFromEnv(process.env),
    access: { allowedOrigins: config.allowedOrigins, trustProxyHops: config.trustProxyHops },
    metrics,
    ...(config.metricsToken === undefined ? {} : { metricsToken: config.metricsToken }),
    queue: storage.queue,
    instanceId,
    lease: { leaseMs: config.runLeaseMs, maxAttempts: config.runMaxAttempts },
  });
  // A worker serves no one: first-start set-up is the web instances' (they run it before taking requests).
  if (config.role !== 'worker') {
    const { interruptedRuns, firstAdmin } = await bootstrap(services, { adminPassword });
    for (const line of firstAdminLogLines(firstAdmin)) log.info(line);
    if (interruptedRuns > 0) log.warn(`Marked ${interruptedRuns} run(s) left running by the previous process as interrupted`);
    services.runPruner.start();
  }

  log.info(`Data in ${config.dataDir}${store.dialect === 'postgres' ? ' (records in PostgreSQL)' : ''}`);
  const role = await startRole({ config, storage, services });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received, shutting down`);
    try {
      await role.stop();
    } catch (error) {
      log.error('Stopping did not go cleanly', error);
    }
    stopWarming();
    await services.runPruner.stop();
    await scripts.close();
    await http.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  log.error('Flowyard could not start', error);
  process.exit(1);
});
