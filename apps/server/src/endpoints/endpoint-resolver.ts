import { and, endpoints, eq, type EndpointRow } from '@flowyard/db';
import { endpointNameKey, type EndpointResolver, type ResolvedEndpoint } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { resolveAuth } from './stored-auth';

/**
 * Resolves endpoints of one workflow for the engine (a flow never reaches another
 * workflow's endpoints), by id for steps and by name for scripts. Secrets are decrypted
 * only here, and only for the engine.
 */
export function createEndpointResolver({ db, secretBox }: Pick<ServiceDeps, 'db' | 'secretBox'>, workflowId: string): EndpointResolver {
  const resolved = (row: EndpointRow | undefined): ResolvedEndpoint | undefined =>
    row === undefined
      ? undefined
      : { id: row.id, name: row.name, baseUrl: row.baseUrl, trustSelfSigned: row.trustSelfSigned, auth: resolveAuth(row, row.id, secretBox) };
  return {
    async get(id) {
      const [row] = await db.orm.select().from(endpoints).where(and(eq(endpoints.id, id), eq(endpoints.workflowId, workflowId)));
      return resolved(row);
    },
    async getByName(name) {
      const [row] = await db.orm
        .select()
        .from(endpoints)
        .where(and(eq(endpoints.nameKey, endpointNameKey(name)), eq(endpoints.workflowId, workflowId)));
      return resolved(row);
    },
  };
}
