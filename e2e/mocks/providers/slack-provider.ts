import { opaqueToken } from './mock-jwt';
import { bearerOf, clientCredentials, consentPage, redirect, type MockProvider, type ProviderRequest, type ProviderResponse } from './provider-server';
import { TokenStore } from './token-store';

export interface SlackApp {
  clientId: string;
  clientSecret: string;
  teamName: string;
  userName: string;
}

/**
 * Slack under `/<prefix>`: `GET /oauth/v2/authorize` shows a consent page whose Allow button
 * (`POST` to the same path) redirects to `redirect_uri` with `code` and `state`;
 * `POST /api/oauth.v2.access` exchanges the code (client checked; errors as Slack sends them:
 * HTTP 200 with `ok: false`); `/api/*` methods want `Authorization: Bearer xox…` or a `token` field.
 */
export function slackProvider(options: { prefix: string; app: SlackApp; now: () => number }) {
  const tokens = new TokenStore(options.now);
  const codes = new Map<string, { redirectUri: string; clientId: string }>();

  const authorizeForm = (request: ProviderRequest): ProviderResponse => {
    const query = request.query;
    if (query.get('client_id') !== options.app.clientId) return { status: 400, body: 'Invalid client_id parameter' };
    return consentPage(`Slack: allow Flowyard into ${options.app.teamName}?`, query, `/${options.prefix}/oauth/v2/authorize`);
  };

  const approve = (request: ProviderRequest): ProviderResponse => {
    const redirectUri = request.form.get('redirect_uri') ?? '';
    const state = request.form.get('state') ?? '';
    const target = new URL(redirectUri);
    if (request.form.get('decision') === 'deny') {
      target.searchParams.set('error', 'access_denied');
    } else {
      const code = opaqueToken('slack-code-');
      codes.set(code, { redirectUri, clientId: request.form.get('client_id') ?? '' });
      target.searchParams.set('code', code);
    }
    target.searchParams.set('state', state);
    return redirect(target.href);
  };

  const access = (request: ProviderRequest): ProviderResponse => {
    const { clientId, clientSecret } = clientCredentials(request);
    if (clientId !== options.app.clientId || clientSecret !== options.app.clientSecret) return { json: { ok: false, error: 'invalid_client_id' } };
    const code = request.form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (issued === undefined || issued.clientId !== clientId) return { json: { ok: false, error: 'invalid_code' } };
    if ((request.form.get('redirect_uri') ?? '') !== issued.redirectUri) return { json: { ok: false, error: 'bad_redirect_uri' } };
    const botToken = tokens.issue(opaqueToken('xoxb-'), null, options.app.userName);
    return {
      json: {
        ok: true,
        app_id: 'A0MOCK',
        access_token: botToken,
        token_type: 'bot',
        scope: 'users:read,team:read,channels:history,channels:write,channels:read,chat:write:bot,chat:write:user',
        bot_user_id: 'U0BOT',
        team: { id: 'T0MOCK', name: options.app.teamName },
        enterprise: null,
        authed_user: { id: 'U0MOCK', name: options.app.userName },
      },
    };
  };

  const api = (request: ProviderRequest): ProviderResponse => {
    const token = bearerOf(request) ?? request.form.get('token') ?? request.query.get('token');
    if (token === null) return { json: { ok: false, error: 'not_authed' } };
    if (tokens.check(token) !== 'ok') return { json: { ok: false, error: 'invalid_auth' } };
    const method = request.path.slice('/api/'.length);
    if (method === 'auth.test') return { json: { ok: true, team: options.app.teamName, user: options.app.userName, team_id: 'T0MOCK', user_id: 'U0MOCK' } };
    if (method === 'chat.postMessage') return { json: { ok: true, channel: 'C0MOCK', ts: '1700000000.000100', echo: request.body } };
    return { json: { ok: true, method } };
  };

  const provider: MockProvider = {
    prefix: options.prefix,
    routes: {
      'GET /oauth/v2/authorize': authorizeForm,
      'POST /oauth/v2/authorize': approve,
      'POST /api/oauth.v2.access': access,
      'GET /api/*': api,
      'POST /api/*': api,
    },
  };
  return { provider, tokens };
}
