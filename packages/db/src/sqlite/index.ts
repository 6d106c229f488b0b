// `@flowyard/db/sqlite`: the SQLite dialect (libsql). Only the composition root imports it.
export * from './schema';
export { createDb, type FlowyardDb, type Orm, type Schema, type CreateDbOptions } from './open';
export { openSqliteStore, type SqliteStore } from './store';
