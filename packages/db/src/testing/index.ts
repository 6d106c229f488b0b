// `@flowyard/db/testing`: helpers for tests only.
export { createPgTestDatabase, type PgTestDatabase, type PgTestDatabaseOptions } from './pg-test-database';
