import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { pino, stdSerializers, type Logger } from 'pino';

/** What a process is: web and worker in one (`all`, the default), or one of them (FLOWYARD_ROLE). */
export type LogRole = 'all' | 'web' | 'worker';

/** Fields a line may carry besides its message; a run's lines carry its id. */
export interface LogFields {
  runId?: string;
  flowId?: string;
  endpointId?: string;
  integrationId?: string;
}

/**
 * This process's id in every line: FLOWYARD_INSTANCE_ID, else host, pid and a random suffix, so
 * lines of several web servers and workers writing to one place can be told apart.
 */
function defaultInstanceId(): string {
  const configured = process.env.FLOWYARD_INSTANCE_ID?.trim();
  if (configured !== undefined && configured !== '') return configured.slice(0, 100);
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

// Written with process.stdout.write, one line at a time and at once (no worker thread, no
// buffer), so the last lines before an exit are never lost and tests can capture them.
const destination = { write: (line: string): void => void process.stdout.write(line) };

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** FLOWYARD_LOG_LEVEL when it names a pino level, else `info` (a typo must not stop the server). */
function configuredLevel(): string {
  const wanted = process.env.FLOWYARD_LOG_LEVEL?.trim().toLowerCase();
  return wanted !== undefined && levels.includes(wanted) ? wanted : 'info';
}

function createLogger(role: LogRole, instance: string): Logger {
  return pino(
    {
      base: { instance, role },
      level: configuredLevel(),
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("info") read better than pino's numbers for people grepping the JSON.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: stdSerializers.err },
    },
    destination,
  );
}

let identity: { role: LogRole; instance: string } = { role: 'all', instance: defaultInstanceId() };
let current = createLogger(identity.role, identity.instance);

/**
 * Sets the role (and optionally the instance id) every line carries from now on; the role
 * modules call it once at start (`configureLog({ role: 'worker' })`).
 */
export function configureLog(options: { role: LogRole; instanceId?: string }): void {
  identity = { role: options.role, instance: options.instanceId ?? identity.instance };
  current = createLogger(identity.role, identity.instance);
}

/** The instance id and role lines carry (for /metrics labels and start-up messages). */
export function logIdentity(): { role: LogRole; instance: string } {
  return identity;
}

/**
 * Server log lines: one JSON object per line on stdout (`pnpm start | npx pino-pretty` for
 * people). Callers pass messages, ids and errors, never request inputs, so secrets cannot
 * reach the log through here.
 */
export const log = {
  info(message: string, fields: LogFields = {}): void {
    current.info(fields, message);
  },
  warn(message: string, fields: LogFields = {}): void {
    current.warn(fields, message);
  },
  error(message: string, error?: unknown, fields: LogFields = {}): void {
    current.error(error === undefined ? fields : { ...fields, err: error instanceof Error ? error : { message: String(error) } }, message);
  },
};
