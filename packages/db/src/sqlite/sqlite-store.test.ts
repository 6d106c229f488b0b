import { defineStoreContract } from '../contract/store.contract';
import { createTestDatabase } from '../testing/test-database';

defineStoreContract('SQLite', { database: () => createTestDatabase({ sqliteUrl: ':memory:' }), shared: false });
