import type { Store } from '@flowyard/db';
import { createTestDatabase, type TestDatabase, type TestSql } from '@flowyard/db/testing';
import { createScriptPool, type HttpClient, type Role, type ScriptPool } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { bootstrap, createAppServices, type AppServices } from '../compose';
import type { AccessSettings } from '../auth/auth-service';
import { createPasswordHasher } from '../auth/passwords';
import { sessionCookieName } from '../auth/session-cookie';
import { createEndpointHttpClient } from '../endpoints/endpoint-http';
import { createMetrics } from '../metrics/metrics';
import { createRunEventBus, type RunEventBus } from '../runs/run-event-bus';
import { createSecretBox, type SecretBox } from '../secrets/secret-box';
import { loadProviderSettings, type ProviderSettings } from '../settings/provider-settings';
import { describeApiError, type ApiErrorData } from '../trpc/api-error';
import { createCaller } from '../trpc/create-caller';
import { contextFor } from '../trpc/create-context';
import type { UserView } from '../users/user-view';
import { firstAdmin } from '../users/users-service';

/** The first admin's password in every test app (FLOWYARD_ADMIN_PASSWORD in e2e). */
export const testAdminPassword = 'test-admin-password';

export type Caller = ReturnType<typeof createCaller>;

export interface TestApp {
  store: Store;
  /** Raw SQL on the app's database (`?` parameters on either dialect), for set-up and checks. */
  sql: TestSql;
  services: AppServices;
  secretBox: SecretBox;
  /** Provider settings from `options.env` (the real services by default). */
  providers: ProviderSettings;
  bus: RunEventBus;
  http: HttpClient;
  /** Starts no worker until a script runs; closed with the app unless the test passed its own. */
  scripts: ScriptPool;
  /** Calls as the first admin (admin@localhost). */
  caller: Caller;
  admin: UserView;
  /** Calls as `user`, or as nobody (null). */
  callerAs(user: UserView | null): Caller;
  /** Creates a user with `role` (password `password123`) and a caller acting as them. */
  createUser(role: Role, name?: string): Promise<{ user: UserView; caller: Caller; password: string }>;
  /** Signs in (default: the first admin) and returns the `Cookie` header value a browser would send. */
  sessionCookie(email?: string, password?: string): Promise<string>;
  workflowId: string;
  close(): Promise<void>;
}

/**
 * A bootstrapped app, called in-process, on `database` (another app may have used it before: a
 * restart) or on a fresh one of the tests' dialect (FLOWYARD_TEST_DB), which `close()` drops.
 */
export async function createTestApp(
  options: { database?: TestDatabase; secretKey?: Buffer; scripts?: ScriptPool; env?: NodeJS.ProcessEnv; publicUrl?: string; now?: () => Date; access?: AccessSettings } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const { store, sql } = await database.open();
  const secretBox = createSecretBox(options.secretKey ?? randomBytes(32));
  const providers = loadProviderSettings(options.env ?? {}, options.publicUrl ?? 'http://localhost:3000');
  const metrics = createMetrics();
  const http: HttpClient = createEndpointHttpClient({ store, secretBox }, { onTokenRequest: () => metrics.tokenRequested() });
  const bus = createRunEventBus();
  // Worker start-up is slow under tsx: a test file can share one pool across its apps.
  const scripts = options.scripts ?? createScriptPool({ size: 2 });
  // bcrypt's lowest cost: hashing at the production cost would dominate the test run.
  const passwords = createPasswordHasher(4);
  const services = createAppServices({ store, secretBox, providers, now: options.now ?? (() => new Date()), newId: () => randomUUID() }, {
    http,
    bus,
    scripts,
    passwords,
    metrics,
    ...(options.access === undefined ? {} : { access: options.access }),
  });
  await bootstrap(services, { adminPassword: testAdminPassword });
  const admin = await services.users.findByEmail(firstAdmin.email);
  if (!admin) throw new Error('No first admin after bootstrap');
  const callerAs = (user: UserView | null): Caller => createCaller(contextFor(services, user));
  const caller = callerAs(admin);
  let created = 0;
  const [workflow] = await caller.workflows.list();
  if (!workflow) throw new Error('No Default workflow after bootstrap');
  return {
    store,
    sql,
    services,
    secretBox,
    providers,
    bus,
    http,
    scripts,
    caller,
    admin,
    callerAs,
    async createUser(role, name) {
      created += 1;
      const password = 'password123';
      const user = await services.users.create({ name: name ?? `${role} user ${created}`, email: `${role}-${created}@example.com`, role, password });
      return { user, caller: callerAs(user), password };
    },
    async sessionCookie(email = firstAdmin.email, password = testAdminPassword) {
      const { token } = await services.auth.signIn({ email, password });
      return `${sessionCookieName}=${token}`;
    },
    workflowId: workflow.id,
    async close() {
      await services.runs.whenIdle();
      await services.outboundEvents.whenIdle();
      await services.runs.whenIdle();
      if (options.scripts === undefined) await scripts.close();
      await http.close();
      await store.close();
      if (options.database === undefined) await database.drop();
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
