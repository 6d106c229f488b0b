import { and, endpoints, eq } from '@flowyard/db';
import type { EndpointResolver } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { resolveAuth } from './stored-auth';

/**
 * Resolves endpoints of one workflow for the engine (a flow never reaches another
 * workflow's endpoints). Secrets are decrypted only here, and only for the engine.
 */
export function createEndpointResolver({ db, secretBox }: Pick<ServiceDeps, 'db' | 'secretBox'>, workflowId: string): EndpointResolver {
  return {
    async get(id) {
      const [row] = await db.orm.select().from(endpoints).where(and(eq(endpoints.id, id), eq(endpoints.workflowId, workflowId)));
      if (!row) return undefined;
      return { id: row.id, name: row.name, baseUrl: row.baseUrl, trustSelfSigned: row.trustSelfSigned, auth: resolveAuth(row, row.id, secretBox) };
    },
  };
}
