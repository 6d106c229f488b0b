import { createDb, type FlowyardDb } from '@flowyard/db';
import { createScriptPool, type HttpClient, type ScriptPool } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { bootstrap, createAppServices, type AppServices } from '../app-services';
import { createEndpointHttpClient } from '../endpoints/endpoint-http';
import { createRunEventBus, type RunEventBus } from '../runs/run-event-bus';
import { createSecretBox, type SecretBox } from '../secrets/secret-box';
import { loadProviderSettings, type ProviderSettings } from '../settings/provider-settings';
import { describeApiError, type ApiErrorData } from '../trpc/api-error';
import { createCaller } from '../trpc/create-caller';
import { createContext } from '../trpc/create-context';

export interface TestApp {
  db: FlowyardDb;
  services: AppServices;
  secretBox: SecretBox;
  /** Provider settings from `options.env` (the real services by default). */
  providers: ProviderSettings;
  bus: RunEventBus;
  http: HttpClient;
  /** Starts no worker until a script runs; closed with the app unless the test passed its own. */
  scripts: ScriptPool;
  caller: ReturnType<typeof createCaller>;
  workflowId: string;
  close(): Promise<void>;
}

/** A bootstrapped app on a fresh database (in memory unless `dbUrl` says otherwise), called in-process. */
export async function createTestApp(options: { dbUrl?: string; secretKey?: Buffer; scripts?: ScriptPool; env?: NodeJS.ProcessEnv; publicUrl?: string } = {}): Promise<TestApp> {
  const db = await createDb(options.dbUrl ?? ':memory:');
  const secretBox = createSecretBox(options.secretKey ?? randomBytes(32));
  const providers = loadProviderSettings(options.env ?? {}, options.publicUrl ?? 'http://localhost:3000');
  const http: HttpClient = createEndpointHttpClient({ db, secretBox });
  const bus = createRunEventBus();
  // Worker start-up is slow under tsx: a test file can share one pool across its apps.
  const scripts = options.scripts ?? createScriptPool({ size: 2 });
  const services = createAppServices({ db, secretBox, providers, now: () => new Date(), newId: () => randomUUID() }, { http, bus, scripts });
  await bootstrap(services);
  const caller = createCaller(await createContext(db, services, undefined));
  const [workflow] = await caller.workflows.list();
  if (!workflow) throw new Error('No Default workflow after bootstrap');
  return {
    db,
    services,
    secretBox,
    providers,
    bus,
    http,
    scripts,
    caller,
    workflowId: workflow.id,
    async close() {
      await services.runs.whenIdle();
      if (options.scripts === undefined) await scripts.close();
      await http.close();
      db.close();
    },
  };
}

/** Awaits a call that must fail and returns what the API would put in `error.data` (plus the tRPC code). */
export async function apiErrorOf(call: Promise<unknown>): Promise<ApiErrorData & { trpcCode: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { ...describeApiError(error), trpcCode: error.code };
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
