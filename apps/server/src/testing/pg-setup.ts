// Set-up of the PostgreSQL test project (vitest.config.ts): the databases a test file's apps
// used are dropped after it.
import { dropTestDatabases } from '@flowyard/db/testing';
import { afterAll } from 'vitest';

afterAll(() => dropTestDatabases());
