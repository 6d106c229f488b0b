import type { EndpointRow, UnitRepos } from '@flowyard/db';
import {
  completeGraphConnect,
  completeSlackConnect,
  FlowyardError,
  graphAuthorization,
  isConnectAuthType,
  slackAuthorizationUrl,
  urlOrigin,
  type ConnectAuthType,
  type ConnectFetch,
  type GraphConnectApp,
  type SlackConnectApp,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { endpointNotFound } from '../endpoints/endpoint-errors';
import { storeConnection } from '../endpoints/stored-auth';
import { connectRedirectUri, microsoftAuthorizeUrl, microsoftTokenUrl, type ProviderSettings } from '../settings/provider-settings';
import type { UserView } from '../users/user-view';
import { createConnectStates } from './connect-states';

/** What the callback page tells the opener. */
export type ConnectOutcome = { ok: true; endpointId: string } | { ok: false; endpointId: string | null; message: string };

const providerNames: Record<ConnectAuthType, string> = { slack: 'Slack', msgraph: 'Microsoft Graph' };
const missingSettings: Record<ConnectAuthType, string> = {
  slack: 'FLOWYARD_SLACK_CLIENT_ID and FLOWYARD_SLACK_CLIENT_SECRET',
  msgraph: 'FLOWYARD_MS_CLIENT_ID and FLOWYARD_MS_CLIENT_SECRET',
};

/** Whether Connect can work for each type on this server (the dialog says so when not). */
export function connectAvailability(providers: ProviderSettings): Record<ConnectAuthType, { configured: boolean; missing: string | null }> {
  return {
    slack: { configured: providers.slack.client !== null, missing: providers.slack.client === null ? missingSettings.slack : null },
    msgraph: { configured: providers.microsoft.client !== null, missing: providers.microsoft.client === null ? missingSettings.msgraph : null },
  };
}

/**
 * SPEC §3 Connect for Slack and Microsoft Graph: `connectUrl` starts the authorization-code flow
 * (PKCE for Graph) with a single-use state bound to the endpoint and the user; `complete` is the
 * callback: it checks the state, redeems the code at the provider, and stores the tokens sealed
 * plus who connected and when.
 */
export function createConnectService(deps: ServiceDeps, options: { fetch?: ConnectFetch } = {}) {
  const { store, secretBox, providers, now } = deps;
  const fetch: ConnectFetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const states = createConnectStates(now);
  const redirectUri = connectRedirectUri(providers);

  function slackApp(): SlackConnectApp {
    const client = providers.slack.client;
    if (client === null) throw notConfigured('slack');
    return { url: providers.slack.url, ...client };
  }

  function graphApp(): GraphConnectApp {
    const client = providers.microsoft.client;
    if (client === null) throw notConfigured('msgraph');
    return { authorizeUrl: microsoftAuthorizeUrl(providers), tokenUrl: microsoftTokenUrl(providers), graphUrl: providers.microsoft.graphUrl, ...client };
  }

  async function findRow(repos: Pick<UnitRepos, 'endpoints'>, id: string): Promise<EndpointRow> {
    const row = await repos.endpoints.get(id);
    if (!row) throw endpointNotFound(id);
    return row;
  }

  return {
    /** The provider's authorization page for a popup; Reconnect is the same call. */
    async connectUrl(endpointId: string, user: UserView): Promise<{ url: string }> {
      const row = await findRow(store.repos, endpointId);
      const type = row.authType;
      if (!isConnectAuthType(type)) {
        throw new FlowyardError('VALIDATION_FAILED', 'Connect applies to Slack and Microsoft Graph endpoints only', { details: { authType: type } });
      }
      if (type === 'slack') {
        const app = slackApp();
        const state = states.create({ endpointId, userId: user.id, type, codeVerifier: '', baseOrigin: urlOrigin(row.baseUrl) });
        return { url: slackAuthorizationUrl(app, redirectUri, state) };
      }
      const app = graphApp();
      // The verifier is made first and travels only with the server-side state.
      const pending = await graphAuthorization(app, redirectUri, 'pending');
      const state = states.create({ endpointId, userId: user.id, type, codeVerifier: pending.codeVerifier, baseOrigin: urlOrigin(row.baseUrl) });
      const url = new URL(pending.url);
      url.searchParams.set('state', state);
      return { url: url.href };
    },

    /** Handles `/oauth/callback?state=…&code=…` for `user`; never throws (the outcome is shown in the popup). */
    async complete(callback: URLSearchParams, user: UserView | undefined): Promise<ConnectOutcome> {
      const state = callback.get('state') ?? '';
      const pending = states.take(state);
      if (pending === undefined) {
        return { ok: false, endpointId: null, message: 'This Connect link has expired or was already used; click Connect again' };
      }
      const { endpointId, type } = pending;
      if (user === undefined || user.id !== pending.userId) {
        return { ok: false, endpointId, message: 'This Connect was started by another user; click Connect again' };
      }
      try {
        const result =
          type === 'slack'
            ? await completeSlackConnect(slackApp(), redirectUri, callback, { fetch, now })
            : await completeGraphConnect(graphApp(), redirectUri, callback, { state, codeVerifier: pending.codeVerifier }, { fetch, now });
        const connectedAt = now().toISOString();
        await store.unitOfWork(async (tx) => {
          const row = await findRow(tx.repos, endpointId);
          if (row.authType !== type) throw new FlowyardError('AUTH_TYPE_IMMUTABLE', 'The endpoint is no longer of the type that was connected');
          // Whoever connected approved the address the endpoint had then; a move since needs their say again.
          if (urlOrigin(row.baseUrl) !== pending.baseOrigin) {
            throw new FlowyardError('VALIDATION_FAILED', "The endpoint's base URL moved to another address while connecting; click Connect again");
          }
          const columns = storeConnection(type, { account: result.account, connectedBy: user.name, connectedAt }, { ...result.tokens, connectedAt }, endpointId, secretBox);
          await tx.repos.endpoints.update(endpointId, { ...columns, updatedAt: connectedAt });
        });
        return { ok: true, endpointId };
      } catch (error) {
        const message = error instanceof FlowyardError ? error.message : `Connecting to ${providerNames[type]} failed`;
        return { ok: false, endpointId, message };
      }
    },
  };
}

function notConfigured(type: ConnectAuthType): FlowyardError {
  const message = `${providerNames[type]} Connect is not set up on this server: an administrator must set ${missingSettings[type]}`;
  return new FlowyardError('VALIDATION_FAILED', message, { details: { missing: missingSettings[type] } });
}

export type ConnectService = ReturnType<typeof createConnectService>;
