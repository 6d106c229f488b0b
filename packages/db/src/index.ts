// `@flowyard/db`: the storage ports, the row types and the dialect switch. No driver is imported
// here; `@flowyard/db/sqlite` and `@flowyard/db/pg` hold the dialects.
export type { Dialect, RunAdmission, RunJob, RunNotice, RunRecordBatch, RunRecordSink, Store, UnitOfWork, WriteGenerations } from './store';
export type { Repos, UnitRepos, RunQueueStats, ActedAs, EndpointSummary, FlowGraphSave, FlowListRow, FlowPosition, FlowVersionListRow, LibrarySummaryRow, PruneCut, RerunLink, RunListFilter, RunListRow, RunPosition, ScriptUse, StepUse, UsageKey, IntegrationLogCut, IntegrationLogPosition, IntegrationScriptUse, IntegrationUsePosition } from './repos';
export type * from './tables';
export type { NamedLocks } from './named-locks';
export { isPostgresUrl, openStore, type OpenStoreOptions } from './open-store';
