import type { EndpointRow, Store } from '@flowyard/db';
import { endpointNameKey, type EndpointResolver, type ResolvedEndpoint } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { createGenerationCache, type GenerationCache } from '../persistence/generation-cache';
import { resolveAuth } from './stored-auth';

type ResolverDeps = Pick<ServiceDeps, 'store' | 'secretBox' | 'providers'>;

/** An endpoint row as the engine needs it: secrets decrypted, provider settings filled in. */
export function resolveEndpointRow(row: EndpointRow, { secretBox, providers }: Omit<ResolverDeps, 'store'>): ResolvedEndpoint {
  return { id: row.id, name: row.name, baseUrl: row.baseUrl, trustSelfSigned: row.trustSelfSigned, auth: resolveAuth(row, row.id, secretBox, providers) };
}

/**
 * Resolves endpoints of one workflow for the engine (a flow never reaches another
 * workflow's endpoints). Secrets are decrypted only here, and only for the engine.
 */
export function createEndpointResolver(deps: ResolverDeps, workflowId: string): EndpointResolver {
  const cache = resolvedEndpoints(deps);
  return {
    get: (id) => cache.get(`${workflowId}\n${id}`),
    getByName: (name) => cache.get(`${workflowId}\n\n${endpointNameKey(name)}`),
  };
}

type ResolvedCache = GenerationCache<string, ResolvedEndpoint | undefined>;
const caches = new WeakMap<Store, ResolvedCache>();

/**
 * Resolved endpoints per process (per store), current with the endpoints table: steps of
 * every run resolve their endpoint without a query or a decryption. Keys: `workflow\nid`, or
 * `workflow\n\nnameKey` for a script's by-name lookup.
 */
function resolvedEndpoints(deps: ResolverDeps): ResolvedCache {
  const { store } = deps;
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = createGenerationCache(store.generations, ['endpoints'], async (key: string) => {
      const [workflowId = '', id = '', nameKey = ''] = key.split('\n');
      const row = id === '' ? await store.repos.endpoints.findByNameKey(workflowId, nameKey) : await store.repos.endpoints.getInWorkflow(workflowId, id);
      return row === undefined ? undefined : resolveEndpointRow(row, deps);
    });
    caches.set(store, cache);
  }
  return cache;
}
