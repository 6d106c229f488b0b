import type { EndpointRow, UnitRepos } from '@flowyard/db';
import {
  endpointNameKey,
  FlowyardError,
  rewriteScriptEndpointNames,
  scriptIndexVersion,
  sendTestRequest,
  testAuthentication,
  type HttpClient,
  type TestAuthenticationResult,
  type TestRequest,
  type TestRequestResult,
  type EndpointCreate,
  type EndpointRenameImpact,
  type EndpointUpdate,
  type EndpointUsagePage,
  refusedDeleteSample,
  type EndpointView,
  type FieldIssue,
} from '@flowyard/engine';
import { builtinFirst, checkBuiltinDelete, checkBuiltinUpdate, checkCreatableAuth, isBuiltinRow } from '../builtin/builtin-rules';
import type { ServiceDeps } from '../deps';
import { connectAvailability, createConnectService, type ConnectOutcome } from '../oauth/connect-service';
import type { UserView } from '../users/user-view';
import { builtinUsageSources, flowyardCustomStepIds, instanceCount } from '../usage/builtin-usage';
import { endpointUsageSources, integrationUsage, scriptUsage, type UsageKey } from '../usage/endpoint-usage';
import { integrationRefRows } from '../integrations/integrations-service';
import { usagePage } from '../usage/usage-pages';
import { scriptRefRows } from '../usage/script-refs';
import type { WorkflowsService } from '../workflows/workflows-service';
import { resolveEndpointRow } from './endpoint-resolver';
import { endpointInUse, endpointNotFound } from './endpoint-errors';
import { storedAuthToKeep } from './secret-rebinding';
import { authView, storeAuth } from './stored-auth';

/** How long the dialog's Test buttons wait for each exchange. */
const testTimeoutMs = 30_000;

export function createEndpointsService(deps: ServiceDeps, workflows: WorkflowsService, options: { http: HttpClient }) {
  const { store, secretBox, now, newId } = deps;
  const connect = createConnectService(deps);

  function toView(row: EndpointRow, usageCount: number): EndpointView {
    return {
      id: row.id,
      workflowId: row.workflowId,
      name: row.name,
      baseUrl: row.baseUrl,
      trustSelfSigned: row.trustSelfSigned,
      auth: authView(row),
      needsCredentials: row.needsCredentials,
      builtIn: isBuiltinRow(row),
      usageCount,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async function findRow(repos: Pick<UnitRepos, 'endpoints'>, id: string): Promise<EndpointRow> {
    const row = await repos.endpoints.get(id);
    if (!row) throw endpointNotFound(id);
    return row;
  }

  const usageKey = (row: EndpointRow): UsageKey => ({ id: row.id, workflowId: row.workflowId, nameKey: row.nameKey });
  /** Uses the usage index does not count under the endpoint's id: the built-in one's Flowyard-type custom step instances. */
  const uncountedUses = async (row: EndpointRow): Promise<number> =>
    isBuiltinRow(row) ? instanceCount(store.repos.usage, await flowyardCustomStepIds(store.repos, row.workflowId)) : 0;

  /** Uses by endpoint id: flow steps and custom step scripts (usage index), integration scripts, and the built-in one's typed custom steps. */
  async function usageCounts(rows: readonly EndpointRow[]): Promise<Map<string, number>> {
    const counts = await store.repos.usage.endpointCounts(rows.map(usageKey));
    for (const workflowId of new Set(rows.map((row) => row.workflowId))) {
      const inWorkflow = rows.filter((row) => row.workflowId === workflowId);
      const named = await store.repos.integrations.endpointScriptCounts(workflowId, inWorkflow.map((row) => row.nameKey));
      for (const row of inWorkflow) counts.set(row.id, (counts.get(row.id) ?? 0) + (named.get(row.nameKey) ?? 0));
    }
    const builtin = rows.find(isBuiltinRow);
    if (builtin !== undefined) counts.set(builtin.id, (counts.get(builtin.id) ?? 0) + (await uncountedUses(builtin)));
    return counts;
  }
  const usageCountOf = async (row: EndpointRow): Promise<number> => (await usageCounts([row])).get(row.id) ?? 0;

  /** A page of the flow steps that use the endpoint, then the custom step scripts and integrations that name it, with counts. */
  async function usage(input: { id: string; cursor?: string | null | undefined; limit: number }): Promise<EndpointUsagePage> {
    const row = await findRow(store.repos, input.id);
    const sources = isBuiltinRow(row)
      ? builtinUsageSources(store.repos, usageKey(row), await flowyardCustomStepIds(store.repos, row.workflowId))
      : endpointUsageSources(store.repos, usageKey(row));
    return usagePage(sources, input.cursor, input.limit);
  }

  /**
   * The custom steps to rewrite when `row` is renamed to `name` (scripts name endpoints
   * case-insensitively, so a change of case alone needs none).
   */
  async function renameImpactOf(repos: Pick<UnitRepos, 'usage' | 'integrations'>, row: EndpointRow, name: string): Promise<EndpointRenameImpact> {
    if (endpointNameKey(name) === row.nameKey) return { renamed: false, scripts: [], integrations: [] };
    const [scripts, integrations] = await Promise.all([scriptUsage(repos.usage, row.workflowId, row.nameKey), integrationUsage(repos.integrations, row.workflowId, row.nameKey)]);
    return { renamed: true, scripts, integrations };
  }

  /** Rewrites the scripts naming `row` so they name `newName`, with their index rows, in the unit `repos` belongs to. */
  async function rewriteScripts(repos: UnitRepos, row: EndpointRow, newName: string): Promise<void> {
    const impact = await renameImpactOf(repos, row, newName);
    const renames = new Map([[row.nameKey, newName]]);
    for (const use of impact.scripts) {
      const step = await repos.customSteps.get(use.customStepId);
      if (step === undefined) continue;
      const { script } = rewriteScriptEndpointNames(step.definition, renames);
      const definition = { ...step.definition, script };
      await repos.customSteps.update(step.id, { definition, scriptIndexVersion, updatedAt: now().toISOString() }, scriptRefRows(step.id, step.workflowId, definition));
    }
    for (const use of impact.integrations) {
      const integration = await repos.integrations.get(use.integrationId);
      if (integration === undefined) continue;
      const { script } = rewriteScriptEndpointNames({ script: integration.definition.script, includeEndpoint: false, endpointLabel: '' }, renames);
      const definition = { ...integration.definition, script };
      await repos.integrations.update(integration.id, { definition, updatedAt: now().toISOString() }, integrationRefRows(integration.id, integration.workflowId, definition));
    }
  }

  /** Rules the input schema cannot check alone: unique name in the workflow, trust only for https. */
  async function checkRules(repos: Pick<UnitRepos, 'endpoints'>, input: { workflowId: string; name: string; baseUrl: string; trustSelfSigned: boolean }, selfId: string | null) {
    const issues: FieldIssue[] = [];
    const clash = await repos.endpoints.findByNameKey(input.workflowId, endpointNameKey(input.name));
    if (clash && clash.id !== selfId) {
      issues.push({ path: 'name', message: `An endpoint named "${clash.name}" already exists in this workflow (names are not case-sensitive)` });
    }
    if (input.trustSelfSigned && !input.baseUrl.startsWith('https://')) {
      issues.push({ path: 'trustSelfSigned', message: 'Trust self-signed certificates applies only to https:// base URLs' });
    }
    if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });
  }

  return {
    usage,

    async list(workflowId: string): Promise<EndpointView[]> {
      const rows = await store.repos.endpoints.listByWorkflow(workflowId);
      const counts = await usageCounts(rows);
      return builtinFirst(rows).map((row) => toView(row, counts.get(row.id) ?? 0));
    },

    async get(id: string): Promise<EndpointView> {
      const row = await findRow(store.repos, id);
      return toView(row, await usageCountOf(row));
    },

    async create(input: EndpointCreate): Promise<EndpointView> {
      const row = await store.unitOfWork(async (tx) => {
        await workflows.require(input.workflowId);
        checkCreatableAuth(input.auth);
        await checkRules(tx.repos, input, null);
        const id = newId();
        const at = now().toISOString();
        const row: EndpointRow = {
          id,
          workflowId: input.workflowId,
          name: input.name,
          nameKey: endpointNameKey(input.name),
          baseUrl: input.baseUrl,
          trustSelfSigned: input.trustSelfSigned,
          ...storeAuth(input.auth, id, secretBox, null),
          needsCredentials: false,
          createdAt: at,
          updatedAt: at,
        };
        await tx.repos.endpoints.insert(row);
        return row;
      });
      // Scripts may already name it (they are indexed by name).
      return toView(row, await usageCountOf(row));
    },

    /**
     * Saves settings; the auth type is fixed at creation (unless the endpoint still needs
     * credentials after an import: its first save chooses it) and an absent password keeps
     * the stored one, unless the update moves it to another origin (SPEC §7a: then it must be
     * entered again, and a Slack or Graph connection is dropped). Saving clears "needs credentials". With `updateScripts`, a rename also
     * rewrites the scripts that name the endpoint literally, in the same transaction.
     */
    async update(input: EndpointUpdate): Promise<EndpointView> {
      const row = await store.unitOfWork(async (tx) => {
        const current = await findRow(tx.repos, input.id);
        checkBuiltinUpdate(current, input);
        if (input.auth.type !== current.authType && !current.needsCredentials) {
          const message = 'The authentication type cannot be changed after the endpoint is created';
          throw new FlowyardError('AUTH_TYPE_IMMUTABLE', message, {
            issues: [{ path: 'auth.type', message }],
            details: { authType: current.authType },
          });
        }
        await checkRules(tx.repos, { ...input, workflowId: current.workflowId }, current.id);
        // Secrets stay bound to their origins: refused here when one would follow a move unasked.
        const kept = storedAuthToKeep(current, input, deps.providers.salesforceLoginUrl);
        const row: EndpointRow = {
          ...current,
          name: input.name,
          nameKey: endpointNameKey(input.name),
          baseUrl: input.baseUrl,
          trustSelfSigned: input.trustSelfSigned,
          ...storeAuth(input.auth, current.id, secretBox, kept),
          needsCredentials: false,
          updatedAt: now().toISOString(),
        };
        await tx.repos.endpoints.update(current.id, row);
        if (input.updateScripts) await rewriteScripts(tx.repos, current, row.name);
        return row;
      });
      // Counted once committed: rewritten scripts name it by its new name.
      return toView(row, await usageCountOf(row));
    },

    /** Which custom step scripts name the endpoint literally and would need `name` after a rename. */
    async renameImpact(id: string, name: string): Promise<EndpointRenameImpact> {
      return renameImpactOf(store.repos, await findRow(store.repos, id), name);
    },

    /** Test Authentication (SPEC §3): the real token or sign-in request, with the saved settings. */
    async testAuthentication(id: string): Promise<TestAuthenticationResult> {
      const endpoint = resolveEndpointRow(await findRow(store.repos, id), deps);
      return testAuthentication(endpoint, { http: options.http, timeoutMs: testTimeoutMs });
    },

    /** Test request: exactly what a step would send through the saved endpoint, exchanges redacted. */
    async testRequest(id: string, request: TestRequest): Promise<TestRequestResult> {
      const endpoint = resolveEndpointRow(await findRow(store.repos, id), deps);
      return sendTestRequest(endpoint, request, { http: options.http, timeoutMs: testTimeoutMs });
    },

    /** The provider page a Slack or Graph Connect popup opens (also Reconnect). */
    connectUrl: (id: string, user: UserView): Promise<{ url: string }> => connect.connectUrl(id, user),

    /** The Connect callback: stores the tokens and who connected; the outcome is for the popup page. */
    completeConnect: (callback: URLSearchParams, user: UserView | undefined): Promise<ConnectOutcome> => connect.complete(callback, user),

    /** Server settings the dialog needs: the default Salesforce login and whether Connect is set up. */
    authSettings() {
      return { salesforceLoginUrl: deps.providers.salesforceLoginUrl, connect: connectAvailability(deps.providers) };
    },

    /** Refused with ENDPOINT_IN_USE (listing them) while any flow step uses it or any script names it. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos, id);
        checkBuiltinDelete(row);
        const uses = await usagePage(endpointUsageSources(tx.repos, usageKey(row)), null, refusedDeleteSample);
        if (uses.total > 0) throw endpointInUse(row.name, uses);
        await tx.repos.endpoints.delete(id);
        return { id };
      });
    },
  };
}

export type EndpointsService = ReturnType<typeof createEndpointsService>;
