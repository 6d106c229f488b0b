import { afterAll } from 'vitest';
import { defineStoreContract } from '../contract/store.contract';
import { dropTestDatabases } from '../testing/pg-database-pool';
import { createTestDatabase } from '../testing/test-database';

defineStoreContract('PostgreSQL', { database: () => createTestDatabase({ dialect: 'postgres' }), shared: true });
afterAll(() => dropTestDatabases());
