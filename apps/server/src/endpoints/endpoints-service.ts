import { and, asc, count, endpointRefs, endpoints, eq, flows, inArray, type EndpointRow } from '@flowyard/db';
import {
  endpointNameKey,
  FlowyardError,
  sendTestRequest,
  testAuthentication,
  type HttpClient,
  type TestAuthenticationResult,
  type TestRequest,
  type TestRequestResult,
  type EndpointCreate,
  type EndpointUpdate,
  type EndpointUsage,
  type EndpointView,
  type FieldIssue,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { connectAvailability, createConnectService, type ConnectOutcome } from '../oauth/connect-service';
import type { UserView } from '../users/user-view';
import type { WorkflowsService } from '../workflows/workflows-service';
import { resolveEndpointRow } from './endpoint-resolver';
import { endpointInUse, endpointNotFound } from './endpoint-errors';
import { authView, storeAuth } from './stored-auth';

/** How long the dialog's Test buttons wait for each exchange. */
const testTimeoutMs = 30_000;

export function createEndpointsService(deps: ServiceDeps, workflows: WorkflowsService, options: { http: HttpClient }) {
  const { db, secretBox, now, newId } = deps;
  const connect = createConnectService(deps);

  function toView(row: EndpointRow, usageCount: number): EndpointView {
    return {
      id: row.id,
      workflowId: row.workflowId,
      name: row.name,
      baseUrl: row.baseUrl,
      trustSelfSigned: row.trustSelfSigned,
      auth: authView(row),
      usageCount,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async function findRow(id: string): Promise<EndpointRow> {
    const [row] = await db.orm.select().from(endpoints).where(eq(endpoints.id, id));
    if (!row) throw endpointNotFound(id);
    return row;
  }

  async function usageCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db.orm
      .select({ endpointId: endpointRefs.endpointId, uses: count() })
      .from(endpointRefs)
      .where(inArray(endpointRefs.endpointId, ids))
      .groupBy(endpointRefs.endpointId);
    return new Map(rows.map((r) => [r.endpointId, r.uses]));
  }

  async function usage(id: string): Promise<EndpointUsage[]> {
    return db.orm
      .select({ flowId: endpointRefs.flowId, flowName: flows.name, nodeId: endpointRefs.nodeId, stepName: endpointRefs.stepName })
      .from(endpointRefs)
      .innerJoin(flows, eq(flows.id, endpointRefs.flowId))
      .where(eq(endpointRefs.endpointId, id))
      .orderBy(asc(flows.name), asc(endpointRefs.stepName), asc(endpointRefs.nodeId));
  }

  /** Rules the input schema cannot check alone: unique name in the workflow, trust only for https. */
  async function checkRules(input: { workflowId: string; name: string; baseUrl: string; trustSelfSigned: boolean }, selfId: string | null) {
    const issues: FieldIssue[] = [];
    const [clash] = await db.orm
      .select({ id: endpoints.id, name: endpoints.name })
      .from(endpoints)
      .where(and(eq(endpoints.workflowId, input.workflowId), eq(endpoints.nameKey, endpointNameKey(input.name))));
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
      const rows = await db.orm.select().from(endpoints).where(eq(endpoints.workflowId, workflowId)).orderBy(asc(endpoints.nameKey), asc(endpoints.name));
      const counts = await usageCounts(rows.map((r) => r.id));
      return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
    },

    async get(id: string): Promise<EndpointView> {
      const row = await findRow(id);
      const counts = await usageCounts([id]);
      return toView(row, counts.get(id) ?? 0);
    },

    async create(input: EndpointCreate): Promise<EndpointView> {
      return db.exclusive(async () => {
        await workflows.require(input.workflowId);
        await checkRules(input, null);
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
          createdAt: at,
          updatedAt: at,
        };
        await db.orm.insert(endpoints).values(row);
        return toView(row, 0);
      });
    },

    /** Saves settings; the auth type is fixed at creation and an absent password keeps the stored one. */
    async update(input: EndpointUpdate): Promise<EndpointView> {
      return db.exclusive(async () => {
        const current = await findRow(input.id);
        if (input.auth.type !== current.authType) {
          const message = 'The authentication type cannot be changed after the endpoint is created';
          throw new FlowyardError('AUTH_TYPE_IMMUTABLE', message, {
            issues: [{ path: 'auth.type', message }],
            details: { authType: current.authType },
          });
        }
        await checkRules({ ...input, workflowId: current.workflowId }, current.id);
        const row: EndpointRow = {
          ...current,
          name: input.name,
          nameKey: endpointNameKey(input.name),
          baseUrl: input.baseUrl,
          trustSelfSigned: input.trustSelfSigned,
          ...storeAuth(input.auth, current.id, secretBox, current),
          updatedAt: now().toISOString(),
        };
        await db.orm.update(endpoints).set(row).where(eq(endpoints.id, current.id));
        const counts = await usageCounts([current.id]);
        return toView(row, counts.get(current.id) ?? 0);
      });
    },

    /** Test Authentication (SPEC §3): the real token or sign-in request, with the saved settings. */
    async testAuthentication(id: string): Promise<TestAuthenticationResult> {
      const endpoint = resolveEndpointRow(await findRow(id), deps);
      return testAuthentication(endpoint, { http: options.http, timeoutMs: testTimeoutMs });
    },

    /** Test request: exactly what a step would send through the saved endpoint, exchanges redacted. */
    async testRequest(id: string, request: TestRequest): Promise<TestRequestResult> {
      const endpoint = resolveEndpointRow(await findRow(id), deps);
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

    /** Refused with ENDPOINT_IN_USE (listing the steps) while any flow step references it. */
    async delete(id: string): Promise<{ id: string }> {
      return db.exclusive(async () => {
        const row = await findRow(id);
        const uses = await usage(id);
        if (uses.length > 0) throw endpointInUse(row.name, uses);
        await db.orm.delete(endpoints).where(eq(endpoints.id, id));
        return { id };
      });
    },
  };
}

export type EndpointsService = ReturnType<typeof createEndpointsService>;
