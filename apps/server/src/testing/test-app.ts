import { createDb, type FlowyardDb } from '@flowyard/db';
import { createScriptPool, type HttpClient, type Role, type ScriptPool } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { bootstrap, createAppServices, type AppServices } from '../app-services';
import type { AccessSettings } from '../auth/auth-service';
import { createPasswordHasher } from '../auth/passwords';
import { sessionCookieName } from '../auth/session-cookie';
import { createEndpointHttpClient } from '../endpoints/endpoint-http';
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

type Caller = ReturnType<typeof createCaller>;

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

/** A bootstrapped app on a fresh database (in memory unless `dbUrl` says otherwise), called in-process. */
export async function createTestApp(
  options: { dbUrl?: string; secretKey?: Buffer; scripts?: ScriptPool; env?: NodeJS.ProcessEnv; publicUrl?: string; now?: () => Date; access?: AccessSettings } = {},
): Promise<TestApp> {
  const db = await createDb(options.dbUrl ?? ':memory:');
  const secretBox = createSecretBox(options.secretKey ?? randomBytes(32));
  const providers = loadProviderSettings(options.env ?? {}, options.publicUrl ?? 'http://localhost:3000');
  const http: HttpClient = createEndpointHttpClient({ db, secretBox });
  const bus = createRunEventBus();
  // Worker start-up is slow under tsx: a test file can share one pool across its apps.
  const scripts = options.scripts ?? createScriptPool({ size: 2 });
  // bcrypt's lowest cost: hashing at the production cost would dominate the test run.
  const passwords = createPasswordHasher(4);
  const services = createAppServices({ db, secretBox, providers, now: options.now ?? (() => new Date()), newId: () => randomUUID() }, {
    http,
    bus,
    scripts,
    passwords,
    ...(options.access === undefined ? {} : { access: options.access }),
  });
  await bootstrap(services, { adminPassword: testAdminPassword });
  const admin = await services.users.findByEmail(firstAdmin.email);
  if (!admin) throw new Error('No first admin after bootstrap');
  const callerAs = (user: UserView | null): Caller => createCaller(contextFor(db, services, user));
  const caller = callerAs(admin);
  let created = 0;
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
