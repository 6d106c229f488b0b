import { createHttpClient, createTokenCache, isConnectAuthType, type ConnectedTokens, type HttpClient, type HttpClientOptions } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { log } from '../log';
import { openConnectedTokens } from './stored-auth';
import { createStoredTokens } from './stored-tokens';

/**
 * The process's HTTP client for steps, scripts and the Test buttons, with the one token cache
 * they share (kept in the database for every process, see stored-tokens.ts), keeping tokens the engine refreshes (Graph rotates its refresh token) in the database.
 */
export function createEndpointHttpClient(
  deps: Pick<ServiceDeps, 'store' | 'secretBox'>,
  options: Omit<HttpClientOptions, 'tokens' | 'onConnectedTokens'> & { onTokenRequest?: () => void } = {},
): HttpClient {
  const { onTokenRequest, ...clientOptions } = options;
  const now = options.now ?? (() => new Date());
  return createHttpClient({
    ...clientOptions,
    // Tokens are shared through the database, so the processes on it make one token request per lifetime.
    tokens: createTokenCache({ now, shared: createStoredTokens({ ...deps, now }), ...(onTokenRequest === undefined ? {} : { onTokenRequest }) }),
    onConnectedTokens: (endpointId, tokens) => {
      saveRefreshedTokens(deps, endpointId, tokens).catch((error: unknown) => {
        log.error('Could not keep the refreshed tokens of the endpoint; the next restart may need a Reconnect', error instanceof Error ? error.message : undefined, { endpointId });
      });
    },
  });
}

/** Stores refreshed Connect tokens, unless a newer Connect replaced the connection meanwhile. */
export async function saveRefreshedTokens({ store, secretBox }: Pick<ServiceDeps, 'store' | 'secretBox'>, endpointId: string, tokens: ConnectedTokens): Promise<void> {
  await store.unitOfWork(async (tx) => {
    const row = await tx.repos.endpoints.get(endpointId);
    if (!row || !isConnectAuthType(row.authType)) return;
    const current = openConnectedTokens(row, endpointId, secretBox);
    if (current === null || current.connectedAt !== tokens.connectedAt) return;
    await tx.repos.endpoints.update(endpointId, { secrets: secretBox.seal(JSON.stringify(tokens), endpointId) });
  });
}
