import type { EndpointResolver, ResolvedEndpoint } from '@flowyard/engine';

/**
 * A run's endpoint resolver: the built-in Flowyard endpoint carries the run's credential (made
 * when first needed, then the same for the run), so its requests authenticate as the user the
 * run acts as. Other endpoints are as stored.
 */
export function withRunCredential(resolver: EndpointResolver, token: () => Promise<string>): EndpointResolver {
  // `token` mints on first use: a run that never calls the built-in endpoint costs no credential.
  const attach = async (endpoint: ResolvedEndpoint | undefined): Promise<ResolvedEndpoint | undefined> =>
    endpoint?.auth.type === 'flowyard' ? { ...endpoint, auth: { type: 'flowyard', token: await token() } } : endpoint;
  return {
    get: async (id) => attach(await resolver.get(id)),
    getByName: async (name) => attach(await resolver.getByName(name)),
  };
}
