import type * as schema from './sqlite/schema';

/**
 * The tables repositories query, typed as the SQLite schema's. The PostgreSQL schema's tables have
 * the same names, columns and row types (contract/row-types.test.ts), so a PostgreSQL store hands
 * its own tables in under this type (see pg/query-context.ts).
 */
export type Tables = typeof schema;

export type {
  ApiKeyRow,
  ConstantRow,
  CustomStepRefRow,
  CustomStepRow,
  EndpointRefRow,
  EndpointRow,
  FlowRow,
  FlowVersionRow,
  LibraryRow,
  RunRow,
  RunStepRow,
  ScriptEndpointRefRow,
  SessionRow,
  SettingRow,
  StepTestRow,
  UserRow,
  WorkflowRow,
  RunCredentialRow,
  EndpointTokenRow,
  SignInFailureRow,
  IntegrationRow,
  IntegrationEndpointRefRow,
  IntegrationLogRow,
  IntegrationRateWindowRow,
} from './sqlite/schema';

/** A run row as inserted (columns with defaults may be left out). */
export type RunInsertRow = Tables['runs']['$inferInsert'];
/** The columns of a run a later record may change. */
export type RunChanges = Partial<Omit<RunInsertRow, 'id'>>;
