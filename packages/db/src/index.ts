export * from './sqlite/schema';
export { createDb, type FlowyardDb, type Orm, type Schema, type CreateDbOptions } from './sqlite/open';
export { resolveMigrationsFolder } from './migrations-folder';
// Query helpers re-exported so the server builds queries against the same drizzle copy.
export { and, asc, count, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
