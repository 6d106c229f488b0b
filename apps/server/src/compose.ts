import { openStore, type Store } from '@flowyard/db';
import { openPgStore } from '@flowyard/db/pg';
import type { HttpClient, ScriptRunner } from '@flowyard/engine';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApiKeysService } from './api-keys/api-keys-service';
import { createAuthService, type AccessSettings } from './auth/auth-service';
import { createPasswordHasher, type PasswordHasher } from './auth/passwords';
import { createSessionsService } from './auth/sessions-service';
import { createBuiltinEndpoints } from './builtin/builtin-endpoints';
import type { ServerConfig } from './config';
import { createRunCredentials } from './builtin/run-credentials';
import { createCustomStepsService } from './custom-steps/custom-steps-service';
import type { ServiceDeps } from './deps';
import { createEndpointsService } from './endpoints/endpoints-service';
import { createExportService } from './export/export-service';
import { createFlowsService } from './flows/flows-service';
import { createImportService } from './import/import-service';
import { createFlowStarter } from './integrations/flow-starter';
import { createInboundCalls } from './integrations/inbound-calls';
import { createIntegrationRunner } from './integrations/integration-runner';
import { createIntegrationsService } from './integrations/integrations-service';
import { createOutboundEvents } from './integrations/outbound-events';
import { log } from './log';
import { createMetrics, type Metrics } from './metrics/metrics';
import { keepForever, type RetentionPolicy } from './retention/retention-policy';
import { createRetentionSettings } from './retention/retention-settings';
import { createRunPruner } from './retention/run-pruner';
import { createRunEventBus, type RunEventBus } from './runs/run-event-bus';
import { createRunsService } from './runs/runs-service';
import { createScriptTestsService } from './scripting/script-tests-service';
import { createStepTestsService } from './runs/step-tests-service';
import { createPgRunNotices } from './notify/pg-run-notices';
import { createGraphileRunQueue, graphileRunAdmission } from './queue/graphile-run-queue';
import { createInlineRunQueue } from './queue/inline-run-queue';
import type { RunQueue } from './queue/run-queue';
import type { LeaseSettings } from './runs/run-lease';
import type { RunNoticeSource } from './runs/watch-runs';
import { createConstantsService } from './scripting/constants-service';
import { createLibrariesService } from './scripting/libraries-service';
import { reindexStaleScripts } from './usage/script-refs';
import { createResolveUser } from './users/resolve-user';
import { createUsersService, type FirstAdminOutcome } from './users/users-service';
import { createWorkflowsService } from './workflows/workflows-service';

/**
 * Opens the process's store: the PostgreSQL database of FLOWYARD_DATABASE_URL, else the SQLite
 * file in the data folder. The only place a store is opened (and so a dialect chosen); everything
 * else receives the store.
 */
export async function openAppStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'dbSynchronous'>): Promise<Store> {
  return openStore(config.databaseUrl ?? pathToFileURL(join(config.dataDir, 'flowyard.db')).href, { synchronous: config.dbSynchronous });
}

/** The store with the run queue and run notices that belong to its database. */
export interface AppStorage {
  store: Store;
  queue: RunQueue;
  /** PostgreSQL: notices of other instances' run records; SQLite has no other instance. */
  notices: RunNoticeSource | undefined;
  close(): Promise<void>;
}

/**
 * Opens the store and pairs it with its queue: SQLite with the inline queue (runs execute in
 * this process, as always), PostgreSQL with graphile-worker (a run's job is written in the batch
 * that writes its row) and the LISTEN connection for run notices. The only place they are paired.
 */
export async function openAppStorage(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'dbSynchronous' | 'role' | 'shutdownTimeoutMs' | 'workerConcurrency'>): Promise<AppStorage> {
  if (config.databaseUrl === undefined) {
    const store = await openAppStore(config);
    const queue = createInlineRunQueue();
    return { store, queue, notices: undefined, close: async () => (await queue.close(), await store.close()) };
  }
  const applicationName = `flowyard-${config.role}`;
  // A consumer holds a connection per job it runs, beside the record writer's and the requests'.
  const maxConnections = config.role === 'web' ? 10 : Math.max(10, config.workerConcurrency + 5);
  const store = await openPgStore(config.databaseUrl, { runAdmission: graphileRunAdmission, applicationName, maxConnections });
  try {
    // graphile gives up on jobs in flight only after Flowyard has handed them back.
    const queue = await createGraphileRunQueue({ pool: store.pool, withPgClient: store.withPgClient, shutdownTimeoutMs: config.shutdownTimeoutMs + 30_000 });
    const notices = createPgRunNotices(config.databaseUrl, applicationName);
    return {
      store,
      queue,
      notices,
      async close() {
        await queue.close();
        await notices.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Wires the services once per process (or per test); the tRPC context carries them. */
export function createAppServices(
  deps: ServiceDeps,
  options: {
    http: HttpClient;
    scripts: ScriptRunner;
    bus?: RunEventBus;
    passwords?: PasswordHasher;
    recordFlushMs?: number;
    retention?: RetentionPolicy;
    access?: AccessSettings;
    /** The process's metrics (main makes them first, for the HTTP client's token requests); else new ones. */
    metrics?: Metrics;
    /** FLOWYARD_METRICS_TOKEN: when set, /metrics asks for it. */
    metricsToken?: string;
    /** Where runs wait (default inline), this instance's id, and its lease settings (see RunsServiceOptions). */
    queue?: RunQueue;
    instanceId?: string;
    lease?: LeaseSettings;
  },
) {
  const metrics = options.metrics ?? createMetrics();
  metrics.readQueueFrom(deps.store.repos, deps.now);
  const passwords = options.passwords ?? createPasswordHasher();
  const users = createUsersService(deps, passwords);
  const sessions = createSessionsService(deps);
  const apiKeys = createApiKeysService(deps);
  const auth = createAuthService(deps, { users, sessions, apiKeys, passwords, access: options.access ?? { allowedOrigins: [], trustProxyHops: 0 } });
  const workflows = createWorkflowsService(deps);
  const endpoints = createEndpointsService(deps, workflows, { http: options.http });
  const flows = createFlowsService(deps, workflows);
  const customSteps = createCustomStepsService(deps, workflows);
  const constants = createConstantsService(deps, workflows);
  const libraries = createLibrariesService(deps, workflows);
  const runCredentials = createRunCredentials(deps.store, { now: deps.now });
  const runs = createRunsService(deps, flows, {
    http: options.http,
    bus: options.bus ?? createRunEventBus(),
    scripts: options.scripts,
    customSteps,
    constants,
    libraries,
    credentials: runCredentials,
    metrics,
    ...(options.recordFlushMs === undefined ? {} : { recordFlushMs: options.recordFlushMs }),
    ...(options.queue === undefined ? {} : { queue: options.queue }),
    ...(options.instanceId === undefined ? {} : { instanceId: options.instanceId }),
    ...(options.lease === undefined ? {} : { lease: options.lease }),
  });
  const stepTests = createStepTestsService(deps, flows, { http: options.http, scripts: options.scripts, customSteps, constants, libraries, credentials: runCredentials });
  // Integrations (SPEC §10): scripts in the same sandbox; their runs are admitted like HTTP-triggered ones.
  const integrationRunner = createIntegrationRunner(deps, { http: options.http, scripts: options.scripts, constants, libraries, credentials: runCredentials });
  const startFlow = createFlowStarter({ repos: deps.store.repos, flows, runs });
  const integrations = createIntegrationsService(deps, { workflows, users, flows, runner: integrationRunner });
  const inboundCalls = createInboundCalls({ repos: deps.store.repos, now: deps.now }, { callers: { apiKeys, users, runCredentials }, runner: integrationRunner, startFlow });
  const outboundEvents = createOutboundEvents({ repos: deps.store.repos, generations: deps.store.generations, now: deps.now }, { users, runner: integrationRunner, startFlow });
  runs.onRunEnded(outboundEvents.onRunEnded);
  const scriptTests = createScriptTestsService(deps, workflows, { http: options.http, scripts: options.scripts, constants, libraries, credentials: runCredentials });
  // Run retention: the admin's setting, else the environment's; pruned in the background once started (main).
  const retention = createRetentionSettings(deps, options.retention ?? keepForever);
  const runPruner = createRunPruner({ repos: deps.store.repos, policy: retention.policy, now: deps.now, locks: deps.store.locks });
  return {
    users,
    sessions,
    apiKeys,
    auth,
    workflows,
    endpoints,
    flows,
    customSteps,
    constants,
    libraries,
    runs,
    stepTests,
    integrations,
    inboundCalls,
    outboundEvents,
    scriptTests,
    retention,
    runPruner,
    /** Prunes now (after the setting changed), in the background. */
    pruneRunsSoon: () => void runPruner.runNow().catch((error: unknown) => log.error('Pruning old runs failed', error)),
    runCredentials,
    metrics,
    metricsToken: options.metricsToken,
    builtinEndpoints: createBuiltinEndpoints(deps),
    exports: createExportService(deps),
    imports: createImportService(deps, workflows),
    resolveUser: createResolveUser(auth),
    reindexStaleScripts: () => reindexStaleScripts(deps.store),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;

/**
 * First-start set-up, idempotent: the Default workflow, the first admin (with `adminPassword`,
 * else a random password that `firstAdmin` carries for printing once), ended sessions,
 * interrupted runs, the script usage index.
 */
export async function bootstrap(
  services: AppServices,
  options: { adminPassword: string | undefined },
): Promise<{ interruptedRuns: number; reindexedScripts: number; firstAdmin: FirstAdminOutcome }> {
  await services.workflows.ensureDefault();
  await services.builtinEndpoints.ensureAll();
  const firstAdmin = await services.users.ensureFirstAdmin(options.adminPassword);
  await services.sessions.prune();
  const reindexedScripts = await services.reindexStaleScripts();
  return { interruptedRuns: await services.runs.markInterrupted(), reindexedScripts, firstAdmin };
}
