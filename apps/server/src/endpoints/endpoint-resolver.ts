import { and, endpoints, eq, type EndpointRow } from '@flowyard/db';
import { endpointNameKey, type EndpointResolver, type ResolvedEndpoint } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { resolveAuth } from './stored-auth';

type ResolverDeps = Pick<ServiceDeps, 'db' | 'secretBox' | 'providers'>;

/** An endpoint row as the engine needs it: secrets decrypted, provider settings filled in. */
export function resolveEndpointRow(row: EndpointRow, { secretBox, providers }: Omit<ResolverDeps, 'db'>): ResolvedEndpoint {
  return { id: row.id, name: row.name, baseUrl: row.baseUrl, trustSelfSigned: row.trustSelfSigned, auth: resolveAuth(row, row.id, secretBox, providers) };
}

/**
 * Resolves endpoints of one workflow for the engine (a flow never reaches another
 * workflow's endpoints). Secrets are decrypted only here, and only for the engine.
 */
export function createEndpointResolver(deps: ResolverDeps, workflowId: string): EndpointResolver {
  const { db } = deps;
  return {
    async get(id) {
      const [row] = await db.orm.select().from(endpoints).where(and(eq(endpoints.id, id), eq(endpoints.workflowId, workflowId)));
      return row === undefined ? undefined : resolveEndpointRow(row, deps);
    },
    async getByName(name) {
      const [row] = await db.orm.select().from(endpoints).where(and(eq(endpoints.nameKey, endpointNameKey(name)), eq(endpoints.workflowId, workflowId)));
      return row === undefined ? undefined : resolveEndpointRow(row, deps);
    },
  };
}
