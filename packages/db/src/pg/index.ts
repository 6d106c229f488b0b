// `@flowyard/db/pg`: the PostgreSQL dialect. Only the composition root and the adapters that
// need a pg connection (job queue, LISTEN) import it.
export * from './schema';
export { openPg, type FlowyardPg, type OpenPgOptions, type PgOrm, type PgSchema } from './open';
export { openPgStore, type PgStore } from './store';
export { advisoryLockKey, withAdvisoryLock, type AdvisoryLockName } from './advisory-lock';
export type { WithPgClient } from './with-pg-client';
export { listen, type Listener, type ListenerOptions } from './listener';
export { runsChannel } from './run-record-sink';
