import { apiKeysRepo } from './api-keys';
import { customStepsRepo } from './custom-steps';
import { endpointsRepo } from './endpoints';
import { flowsRepo } from './flows';
import { integrationsRepo } from './integrations';
import type { QueryContext } from './query-context';
import { runQueueStatsRepo } from './run-queue-stats';
import { runsRepo } from './runs';
import { constantsRepo, librariesRepo } from './scripting';
import { sessionsRepo } from './sessions';
import { settingsRepo } from './settings';
import { endpointTokensRepo, runCredentialsRepo, signInFailuresRepo } from './shared-state';
import { stepTestsRepo } from './step-tests';
import { usageRepo } from './usage';
import { usersRepo } from './users';
import { workflowsRepo } from './workflows';

/**
 * Every repository, written once for both dialects against `context` (see query-context.ts): one
 * per aggregate, each the only place its tables are queried.
 */
export function createRepos(context: QueryContext) {
  return {
    workflows: workflowsRepo(context),
    endpoints: endpointsRepo(context),
    flows: flowsRepo(context),
    customSteps: customStepsRepo(context),
    usage: usageRepo(context),
    constants: constantsRepo(context),
    libraries: librariesRepo(context),
    users: usersRepo(context),
    sessions: sessionsRepo(context),
    apiKeys: apiKeysRepo(context),
    settings: settingsRepo(context),
    runs: runsRepo(context),
    runCredentials: runCredentialsRepo(context),
    endpointTokens: endpointTokensRepo(context),
    signInFailures: signInFailuresRepo(context),
    stepTests: stepTestsRepo(context),
    runQueueStats: runQueueStatsRepo(context),
    integrations: integrationsRepo(context),
  };
}

export type Repos = ReturnType<typeof createRepos>;

// Writes that answer with what they changed run at once, so they are not offered inside a unit of
// work (a SQLite unit writes only when it commits).
type OutsideUnitsOnly = {
  users: 'insertIfEmailFree';
  sessions: 'deleteEndedBy';
  runs: 'markInterrupted' | 'deleteFinished';
  // It reads what it wrote to prune past the newest few.
  stepTests: 'insert';
  integrations: 'deleteLogEntries';
};

/** The repositories as a unit of work offers them: all but the writes that answer at once. */
export type UnitRepos = { [K in keyof Repos]: K extends keyof OutsideUnitsOnly ? Omit<Repos[K], OutsideUnitsOnly[K]> : Repos[K] };

export type { EndpointSummary } from './endpoints';
export type { IntegrationLogCut, IntegrationLogPosition, IntegrationScriptUse, IntegrationUsePosition } from './integrations';
export type { FlowGraphSave, FlowListRow, FlowPosition, FlowVersionListRow } from './flows';
export type { RunQueueStats } from './run-queue-stats';
export type { ActedAs, PruneCut, RerunLink, RunListFilter, RunListRow, RunPosition } from './runs';
export type { LibrarySummaryRow } from './scripting';
export type { ScriptUse, StepUse, UsageKey } from './usage';
