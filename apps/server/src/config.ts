import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@flowyard/engine';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: 'PORT must be a number' })
  .int('PORT must be a whole number')
  .min(0, 'PORT must be between 0 and 65535')
  .max(65535, 'PORT must be between 0 and 65535');

function wholeNumber(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`);
}

// Below 64 KiB a response could not even be recorded as far as exchanges show it.
const minResponseCap = 64 * 1024;
const maxResponseCap = 1024 * 1024 * 1024;

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().trim().min(1).optional(),
  FLOWYARD_DATA_DIR: z.string().trim().min(1).default('./data'),
  FLOWYARD_SECRET_KEY: z.string().trim().min(1).optional(),
  FLOWYARD_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'FLOWYARD_PUBLIC_URL must be an http(s) URL' }).optional(),
  FLOWYARD_WEB_DIST: z.string().trim().min(1).optional(),
  FLOWYARD_DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      if (/^postgres(?:ql)?:\/\/./i.test(value)) return value;
      ctx.addIssue({ code: 'custom', message: 'FLOWYARD_DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/flowyard (leave it unset for SQLite)' });
      return z.NEVER;
    }),
  FLOWYARD_DB_SYNCHRONOUS: z.enum(['normal', 'full'], { error: 'FLOWYARD_DB_SYNCHRONOUS must be normal or full' }).default('normal'),
  FLOWYARD_RECORD_FLUSH_MS: z.coerce
    .number({ error: 'FLOWYARD_RECORD_FLUSH_MS must be a number' })
    .int('FLOWYARD_RECORD_FLUSH_MS must be a whole number')
    .min(0, 'FLOWYARD_RECORD_FLUSH_MS must be between 0 and 1000')
    .max(1000, 'FLOWYARD_RECORD_FLUSH_MS must be between 0 and 1000')
    .default(0),
  FLOWYARD_MAX_RESPONSE_BYTES: z.coerce
    .number({ error: 'FLOWYARD_MAX_RESPONSE_BYTES must be a number of bytes' })
    .int('FLOWYARD_MAX_RESPONSE_BYTES must be a whole number of bytes')
    .min(minResponseCap, `FLOWYARD_MAX_RESPONSE_BYTES must be between ${minResponseCap} (64 KiB) and ${maxResponseCap} (1 GiB)`)
    .max(maxResponseCap, `FLOWYARD_MAX_RESPONSE_BYTES must be between ${minResponseCap} (64 KiB) and ${maxResponseCap} (1 GiB)`)
    .default(DEFAULT_MAX_RESPONSE_BYTES),
  FLOWYARD_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const entry of (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '')) {
        const origin = originOf(entry);
        if (origin === undefined) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an http(s) origin such as https://flows.example.com` });
          return z.NEVER;
        }
        origins.push(origin);
      }
      return origins;
    }),
  FLOWYARD_TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '' || value === 'false') return 0;
      if (value === 'true') return 1;
      if (/^\d{1,2}$/.test(value)) return Number(value);
      ctx.addIssue({ code: 'custom', message: 'FLOWYARD_TRUST_PROXY must be true, false or the number of proxies in front of Flowyard (0–99)' });
      return z.NEVER;
    }),
  FLOWYARD_SCRIPT_WORKERS: z.coerce
    .number({ error: 'FLOWYARD_SCRIPT_WORKERS must be a number' })
    .int('FLOWYARD_SCRIPT_WORKERS must be a whole number')
    .min(1, 'FLOWYARD_SCRIPT_WORKERS must be between 1 and 256')
    .max(256, 'FLOWYARD_SCRIPT_WORKERS must be between 1 and 256')
    .optional(),
  FLOWYARD_METRICS_TOKEN: z.string().trim().max(500, 'FLOWYARD_METRICS_TOKEN must be at most 500 characters').optional(),
  FLOWYARD_ROLE: z.enum(['all', 'web', 'worker'], { error: 'FLOWYARD_ROLE must be all, web or worker' }).default('all'),
  FLOWYARD_WORKER_PORT: portSchema.default(3001),
  FLOWYARD_WORKER_CONCURRENCY: wholeNumber('FLOWYARD_WORKER_CONCURRENCY', 1, 1000).default(10),
  FLOWYARD_RUN_LEASE_MS: wholeNumber('FLOWYARD_RUN_LEASE_MS', 1000, 3_600_000).default(30_000),
  FLOWYARD_RUN_MAX_ATTEMPTS: wholeNumber('FLOWYARD_RUN_MAX_ATTEMPTS', 1, 100).default(3),
  FLOWYARD_SHUTDOWN_TIMEOUT_MS: wholeNumber('FLOWYARD_SHUTDOWN_TIMEOUT_MS', 0, 3_600_000).default(30_000),
  // Set by npm/pnpm to the folder the command was typed in (`pnpm start` at the repo root).
  INIT_CWD: z.string().min(1).optional(),
});

/** `https://host[:port]` of an http(s) URL, or undefined. */
function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export interface ServerConfig {
  port: number;
  /** Address to listen on; undefined listens on every interface. */
  host: string | undefined;
  dataDir: string;
  /** FLOWYARD_DATABASE_URL: the PostgreSQL database to use; undefined keeps SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Raw FLOWYARD_SECRET_KEY; decoded and checked by loadSecretKey. */
  secretKey: string | undefined;
  publicUrl: string;
  webDist: string;
  /**
   * SQLite's durability (FLOWYARD_DB_SYNCHRONOUS; PostgreSQL has its own): `normal` (default) keeps every acknowledged record through a crash or
   * kill of the server; `full` also through a power cut or OS crash, at one disk flush per commit.
   */
  dbSynchronous: 'normal' | 'full';
  /**
   * How long run and step records may wait to be written together (group commit); 0, the
   * default, writes what one turn of the event loop produced. Answers wait for their records.
   */
  recordFlushMs: number;
  /** Response bodies that steps, scripts and token requests read stop here: RESPONSE_TOO_LARGE (default 10 MiB). */
  maxResponseBytes: number;
  /** Browser origins besides the public URL's whose requests the cross-site guard accepts (FLOWYARD_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /**
   * How many proxies in front of Flowyard append to `X-Forwarded-For` (FLOWYARD_TRUST_PROXY:
   * `true` is one); 0, the default, ignores the header and takes the socket's address.
   */
  trustProxyHops: number;
  /** Script worker threads at most (FLOWYARD_SCRIPT_WORKERS; default the number of cores). */
  scriptWorkers: number;
  /** FLOWYARD_METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`; unset, it is open. */
  metricsToken: string | undefined;
  /**
   * What this process does (FLOWYARD_ROLE): `all` (default) serves and executes runs; `web`
   * serves the UI, API and triggers and only admits runs; `worker` executes runs, listening only
   * on `workerPort` for /healthz. `web` and `worker` need PostgreSQL.
   */
  role: 'all' | 'web' | 'worker';
  /** FLOWYARD_WORKER_PORT (default 3001): a worker's /healthz. */
  workerPort: number;
  /** Runs one worker executes at once (FLOWYARD_WORKER_CONCURRENCY, default 10). */
  workerConcurrency: number;
  /** FLOWYARD_RUN_LEASE_MS (default 30 s): a run whose worker stops renewing its lease this long is taken over. */
  runLeaseMs: number;
  /** FLOWYARD_RUN_MAX_ATTEMPTS (default 3): attempts before a run taken over ends `interrupted`. */
  runMaxAttempts: number;
  /** FLOWYARD_SHUTDOWN_TIMEOUT_MS (default 30 s): how long runs in flight may finish after SIGTERM. */
  shutdownTimeoutMs: number;
}

/**
 * Reads the server settings from the environment. Relative folders are resolved
 * against the folder the command was started from, so `pnpm start` at the repo
 * root keeps its data in `./data` there even though pnpm runs the script in apps/server.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const vars = parsed.data;
  if (vars.FLOWYARD_ROLE !== 'all' && vars.FLOWYARD_DATABASE_URL === undefined) {
    throw new Error(
      `Invalid settings:\n  FLOWYARD_ROLE: ${vars.FLOWYARD_ROLE} needs FLOWYARD_DATABASE_URL (PostgreSQL). On SQLite one process owns the database file, ` +
        'so web and worker cannot be separate processes there; leave FLOWYARD_ROLE unset (all) or set FLOWYARD_DATABASE_URL',
    );
  }
  const base = vars.INIT_CWD ?? cwd;
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(base, vars.FLOWYARD_DATA_DIR),
    databaseUrl: vars.FLOWYARD_DATABASE_URL,
    secretKey: vars.FLOWYARD_SECRET_KEY,
    publicUrl: (vars.FLOWYARD_PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    // Same relative hop from src/config.ts and from the bundled dist/main.js.
    webDist: vars.FLOWYARD_WEB_DIST ? resolve(base, vars.FLOWYARD_WEB_DIST) : fileURLToPath(new URL('../../web/dist', import.meta.url)),
    dbSynchronous: vars.FLOWYARD_DB_SYNCHRONOUS,
    recordFlushMs: vars.FLOWYARD_RECORD_FLUSH_MS,
    maxResponseBytes: vars.FLOWYARD_MAX_RESPONSE_BYTES,
    allowedOrigins: vars.FLOWYARD_ALLOWED_ORIGINS,
    trustProxyHops: vars.FLOWYARD_TRUST_PROXY,
    scriptWorkers: vars.FLOWYARD_SCRIPT_WORKERS ?? availableParallelism(),
    metricsToken: vars.FLOWYARD_METRICS_TOKEN === '' ? undefined : vars.FLOWYARD_METRICS_TOKEN,
    role: vars.FLOWYARD_ROLE,
    workerPort: vars.FLOWYARD_WORKER_PORT,
    workerConcurrency: vars.FLOWYARD_WORKER_CONCURRENCY,
    runLeaseMs: vars.FLOWYARD_RUN_LEASE_MS,
    runMaxAttempts: vars.FLOWYARD_RUN_MAX_ATTEMPTS,
    shutdownTimeoutMs: vars.FLOWYARD_SHUTDOWN_TIMEOUT_MS,
  };
}
