import { defineStoreContract } from '../contract/store.contract';
import { createTestDatabase } from '../testing/test-database';

defineStoreContract('SQLite', { database: () => createTestDatabase({ dialect: 'sqlite' }), shared: false });
