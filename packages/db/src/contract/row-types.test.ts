import { getTableName, is, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '../pg/schema';
import * as sqlite from '../sqlite/schema';

// Each SQLite table beside its PostgreSQL twin. The assertions below are checked by
// `pnpm typecheck`: a repository written against one table's rows then compiles for both.
const twins = {
  users: [sqlite.users, pg.users],
  sessions: [sqlite.sessions, pg.sessions],
  apiKeys: [sqlite.apiKeys, pg.apiKeys],
  workflows: [sqlite.workflows, pg.workflows],
  endpoints: [sqlite.endpoints, pg.endpoints],
  flows: [sqlite.flows, pg.flows],
  flowVersions: [sqlite.flowVersions, pg.flowVersions],
  endpointRefs: [sqlite.endpointRefs, pg.endpointRefs],
  runs: [sqlite.runs, pg.runs],
  runSteps: [sqlite.runSteps, pg.runSteps],
  customSteps: [sqlite.customSteps, pg.customSteps],
  customStepRefs: [sqlite.customStepRefs, pg.customStepRefs],
  scriptEndpointRefs: [sqlite.scriptEndpointRefs, pg.scriptEndpointRefs],
  constants: [sqlite.constants, pg.constants],
  libraries: [sqlite.libraries, pg.libraries],
  settings: [sqlite.settings, pg.settings],
  stepTests: [sqlite.stepTests, pg.stepTests],
  runCredentials: [sqlite.runCredentials, pg.runCredentials],
  endpointTokens: [sqlite.endpointTokens, pg.endpointTokens],
  signInFailures: [sqlite.signInFailures, pg.signInFailures],
  integrations: [sqlite.integrations, pg.integrations],
  integrationEndpointRefs: [sqlite.integrationEndpointRefs, pg.integrationEndpointRefs],
  integrationLog: [sqlite.integrationLog, pg.integrationLog],
  integrationRateWindows: [sqlite.integrationRateWindows, pg.integrationRateWindows],
} as const;

type Twins = typeof twins;
type SelectRows<Side extends 0 | 1> = { [T in keyof Twins]: InferSelectModel<Twins[T][Side]> };
type InsertRows<Side extends 0 | 1> = { [T in keyof Twins]: InferInsertModel<Twins[T][Side]> };

describe('row types', () => {
  it('are the same for every table in both dialects', () => {
    expectTypeOf<SelectRows<1>>().toEqualTypeOf<SelectRows<0>>();
    expectTypeOf<InsertRows<1>>().toEqualTypeOf<InsertRows<0>>();
  });

  it('are checked for every table either schema exports', () => {
    const exported = (schema: object, isTable: (value: unknown) => boolean) =>
      Object.entries(schema)
        .filter(([, value]) => isTable(value))
        .map(([name]) => name)
        .sort();
    const names = Object.keys(twins).sort();
    expect(exported(sqlite, (value) => is(value, SQLiteTable))).toEqual(names);
    expect(exported(pg, (value) => is(value, PgTable))).toEqual(names);
    for (const [sqliteTable, pgTable] of Object.values(twins)) expect(getTableName(pgTable)).toBe(getTableName(sqliteTable));
  });
});
