// `@flowyard/db/testing`: helpers for tests only.
export { createPgTestDatabase, type PgTestDatabase, type PgTestDatabaseOptions } from './pg-test-database';
export { createTestDatabase, openTestStore, testDialect, type TestDatabase, type TestDatabaseOptions, type TestStore } from './test-database';
export type { TestSql } from './test-sql';
export { dropTestDatabases } from './pg-database-pool';
