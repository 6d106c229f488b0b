import { microsoftProvider, type MicrosoftApp } from './microsoft-provider';
import { passwordGrantProvider, type PasswordGrantAccount } from './oauth2-provider';
import { bearerOf, startProviderServer, type ProviderRequest, type ProviderResponse } from './provider-server';
import { remedyProvider } from './remedy-provider';
import { serviceNowProvider } from './servicenow-provider';
import { slackProvider, type SlackApp } from './slack-provider';
import type { TokenStore } from './token-store';

export type { ProviderRequest } from './provider-server';

/** The credentials each mock accepts by default (anything else is refused the way the real service refuses it). */
export const mockCredentials = {
  oauth2: { username: 'oauth-user', password: 'oauth-pass-1', clientId: 'flowyard-client', clientSecret: 'oauth-client-secret-1' } satisfies PasswordGrantAccount,
  salesforce: { username: 'sf-user@example.com', password: 'sf-pass-1', clientId: 'sf-consumer-key', clientSecret: 'sf-consumer-secret-1' } satisfies PasswordGrantAccount,
  slack: { clientId: 'slack-client-id', clientSecret: 'slack-client-secret-1', teamName: 'Mock Team', userName: 'mock.user' } satisfies SlackApp,
  microsoft: {
    clientId: '11111111-2222-3333-4444-555555555555',
    clientSecret: 'ms-client-secret-1',
    tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
    displayName: 'Megan Bowen',
    userPrincipalName: 'megan@contoso.example',
  } satisfies MicrosoftApp,
  remedy: { username: 'remedy-user', password: 'remedy-pass-1' },
  servicenow: { username: 'snow-admin', password: 'snow-pass-1' },
} as const;

type Credentials = typeof mockCredentials;
/** Other credentials for the mocks to accept (e.g. canary secrets), per provider. */
export type CredentialOverrides = { [P in keyof Credentials]?: Partial<{ [K in keyof Credentials[P]]: string }> };

function acceptedCredentials(overrides: CredentialOverrides) {
  return {
    oauth2: { ...mockCredentials.oauth2, ...overrides.oauth2 },
    salesforce: { ...mockCredentials.salesforce, ...overrides.salesforce },
    slack: { ...mockCredentials.slack, ...overrides.slack },
    microsoft: { ...mockCredentials.microsoft, ...overrides.microsoft },
    remedy: { ...mockCredentials.remedy, ...overrides.remedy },
    servicenow: { ...mockCredentials.servicenow, ...overrides.servicenow },
  };
}

export interface MockProviders {
  /** `http://127.0.0.1:<port>` of the one server all mocks share. */
  url: string;
  /** OAuth2 password grant: token URL and a protected API (`{apiUrl}/anything` wants the Bearer token). */
  oauth2: { tokenUrl: string; apiUrl: string };
  /** Salesforce: `loginUrl` (FLOWYARD_SALESFORCE_LOGIN_URL), its token URL, and the instance its tokens name. */
  salesforce: { loginUrl: string; tokenUrl: string; instanceUrl: string };
  /** Slack: `url` is FLOWYARD_SLACK_URL (authorize at `/oauth/v2/authorize`, Web API at `/api/…`). */
  slack: { url: string; apiUrl: string };
  /** Microsoft: FLOWYARD_MS_IDENTITY_URL and FLOWYARD_MS_GRAPH_URL. */
  microsoft: { identityUrl: string; graphUrl: string };
  /** Remedy base URL (login at `/api/jwt/login`, REST API at `/api/arsys/v1/…`). */
  remedy: { baseUrl: string };
  /** ServiceNow instance base URL (table API at `/api/now/table/…`). */
  servicenow: { baseUrl: string };
  /** The env settings that point a Flowyard server at these mocks. */
  env: Record<string, string>;
  /** Every request, oldest first. */
  requests: ProviderRequest[];
  /** Requests to one provider (and path, without its prefix), e.g. `count('oauth2', '/oauth/token')`. */
  count(provider: string, path?: string): number;
  /** Lifetime (`expires_in`) of tokens issued from now on, per provider. */
  setTokenLifetime(provider: 'oauth2' | 'salesforce' | 'microsoft' | 'remedy', seconds: number | null): void;
  /** Makes every token issued so far expired: APIs answer 401 until a new token is fetched. */
  expireTokens(): void;
  /** While on, the APIs refuse every token (401), even fresh ones. */
  rejectAllTokens(on: boolean): void;
  close(): Promise<void>;
}

/**
 * Starts every mock provider on one local server (ephemeral port unless `port` is given, so
 * e2e set-up can fix it before the Flowyard server starts). `now` is the mocks' clock (epoch ms)
 * for token expiry, shared with the code under test when a test moves time.
 */
export async function startMockProviders(options: { port?: number; now?: () => number; credentials?: CredentialOverrides } = {}): Promise<MockProviders> {
  const now = options.now ?? (() => Date.now());
  const accept = acceptedCredentials(options.credentials ?? {});
  const log: ProviderRequest[] = [];
  let base = '';

  const oauth2 = passwordGrantProvider({ prefix: 'oauth2', account: accept.oauth2, now, tokenPath: '/oauth/token', tokenPrefix: 'oauth2-at-', apiPath: '/api' });
  const salesforce = passwordGrantProvider({
    prefix: 'salesforce',
    account: accept.salesforce,
    now,
    tokenPath: '/services/oauth2/token',
    tokenPrefix: '00Dmock!',
    // Salesforce sends no expires_in; sessions end by timeout, seen as 401 INVALID_SESSION_ID.
    lifetimeSeconds: null,
    extra: () => ({ instance_url: `${base}/salesforce-instance`, id: `${base}/salesforce/id/00Dmock/005mock`, issued_at: String(now()), signature: 'bW9jaw==' }),
  });
  const salesforceInstance = {
    prefix: 'salesforce-instance',
    routes: Object.fromEntries(
      ['GET', 'POST', 'PATCH', 'DELETE'].map((method) => [`${method} /services/data/*`, (request: ProviderRequest) => instanceApi(salesforce.tokens, request)]),
    ),
  };
  const slack = slackProvider({ prefix: 'slack', app: accept.slack, now });
  const microsoft = microsoftProvider({ prefix: 'microsoft', graphPrefix: 'graph', app: accept.microsoft, now, baseUrl: () => base });
  const remedy = remedyProvider({ prefix: 'remedy', ...accept.remedy, now });
  const servicenow = serviceNowProvider({ prefix: 'servicenow', ...accept.servicenow });

  const stores: TokenStore[] = [oauth2.tokens, salesforce.tokens, slack.tokens, microsoft.state.accessTokens, remedy.state.tokens];
  const server = await startProviderServer(
    [oauth2.provider, salesforce.provider, salesforceInstance, slack.provider, microsoft.identityProvider, microsoft.graphProvider, remedy.provider, servicenow],
    log,
    options.port ?? 0,
  );
  base = server.url;

  return {
    url: base,
    oauth2: { tokenUrl: `${base}/oauth2/oauth/token`, apiUrl: `${base}/oauth2/api` },
    salesforce: { loginUrl: `${base}/salesforce`, tokenUrl: `${base}/salesforce/services/oauth2/token`, instanceUrl: `${base}/salesforce-instance` },
    slack: { url: `${base}/slack`, apiUrl: `${base}/slack/api` },
    microsoft: { identityUrl: `${base}/microsoft`, graphUrl: `${base}/graph` },
    remedy: { baseUrl: `${base}/remedy` },
    servicenow: { baseUrl: `${base}/servicenow` },
    env: {
      FLOWYARD_SLACK_URL: `${base}/slack`,
      FLOWYARD_SLACK_CLIENT_ID: accept.slack.clientId,
      FLOWYARD_SLACK_CLIENT_SECRET: accept.slack.clientSecret,
      FLOWYARD_MS_IDENTITY_URL: `${base}/microsoft`,
      FLOWYARD_MS_GRAPH_URL: `${base}/graph`,
      FLOWYARD_MS_CLIENT_ID: accept.microsoft.clientId,
      FLOWYARD_MS_CLIENT_SECRET: accept.microsoft.clientSecret,
      FLOWYARD_SALESFORCE_LOGIN_URL: `${base}/salesforce`,
    },
    requests: log,
    count: (provider, path) => log.filter((r) => r.provider === provider && (path === undefined || r.path === path)).length,
    setTokenLifetime(provider, seconds) {
      if (provider === 'oauth2') oauth2.lifetimeSeconds = seconds;
      else if (provider === 'salesforce') salesforce.lifetimeSeconds = seconds;
      else if (provider === 'microsoft') microsoft.state.lifetimeSeconds = seconds ?? 3600;
      else remedy.state.lifetimeSeconds = seconds ?? 3600;
    },
    expireTokens: () => stores.forEach((store) => store.expireAll()),
    rejectAllTokens: (on) =>
      stores.forEach((store) => {
        store.rejectAll = on;
      }),
    close: () => server.close(),
  };
}

function instanceApi(tokens: TokenStore, request: ProviderRequest): ProviderResponse {
  if (tokens.check(bearerOf(request)) !== 'ok') {
    return { status: 401, headers: { 'www-authenticate': 'Token' }, json: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
  }
  return { json: { totalSize: 1, done: true, records: [{ attributes: { type: 'Account' }, Name: 'Mock Account' }], path: request.path, method: request.method } };
}
