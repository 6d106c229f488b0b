import { z } from 'zod';
import { slackScopes, type ConnectedTokens } from '../endpoint/auth';
import { clientPair } from '../redaction/secret';
import { connectFailed, watchedFetch, type ConnectFetch } from './connect-fetch';

/** The Slack app Flowyard connects through (from the server's settings). */
export interface SlackConnectApp {
  /** `https://slack.com` or a stand-in: authorize at `/oauth/v2/authorize`, Web API at `/api/…`. */
  url: string;
  clientId: string;
  clientSecret: string;
}

/** The authorization page for the popup. */
export function slackAuthorizationUrl(app: SlackConnectApp, redirectUri: string, state: string): string {
  const url = new URL(`${app.url}/oauth/v2/authorize`);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('scope', slackScopes.join(','));
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.href;
}

// Slack answers HTTP 200 with `ok: false` for errors, so its answers are read with their own schema.
const accessAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    access_token: z.string().optional(),
    refresh_token: z.string().optional(),
    expires_in: z.number().optional(),
    team: z.object({ name: z.string() }).nullish(),
    authed_user: z.object({ id: z.string().optional(), access_token: z.string().optional(), refresh_token: z.string().optional() }).nullish(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
const authTestSchema = z.object({ ok: z.literal(true), user: z.string(), team: z.string() });

/**
 * Finishes a Slack Connect: redeems the code at `oauth.v2.access` (client by HTTP Basic) and names
 * the account with `auth.test`. The bot token is kept; without one, the user token.
 */
export async function completeSlackConnect(
  app: SlackConnectApp,
  redirectUri: string,
  callback: URLSearchParams,
  deps: { fetch: ConnectFetch; now: () => Date },
): Promise<{ tokens: Omit<ConnectedTokens, 'connectedAt'>; account: string }> {
  const secrets = [app.clientSecret, clientPair(app.clientId, app.clientSecret)];
  const error = callback.get('error');
  if (error !== null) throw connectFailed(`Slack did not grant access: ${error}`, null, secrets);
  const code = callback.get('code');
  if (code === null || code === '') throw connectFailed('Slack sent no authorization code back', null, secrets);

  const watched = watchedFetch(deps.fetch);
  const response = await watched.fetch(`${app.url}/api/oauth.v2.access`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ code, redirect_uri: redirectUri }).toString(),
  });
  const parsed = accessAnswerSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw connectFailed(`Slack's oauth.v2.access answered ${response.status} with something Flowyard cannot read`, watched.last(), secrets);
  const answer = parsed.data;
  if (!answer.ok) throw connectFailed(`Slack refused the code: ${answer.error}`, watched.last(), secrets);
  const accessToken = answer.access_token ?? answer.authed_user?.access_token;
  if (accessToken === undefined) throw connectFailed('Slack granted no token', watched.last(), [...secrets]);
  const refreshToken = answer.access_token !== undefined ? answer.refresh_token : answer.authed_user?.refresh_token;

  const test = await watched.fetch(`${app.url}/api/auth.test`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
  const who = authTestSchema.safeParse(await test.json().catch(() => null));
  const account = who.success ? `${who.data.user} in ${who.data.team}` : (answer.team?.name ?? 'Slack workspace');
  return {
    tokens: {
      accessToken,
      expiresAt: answer.expires_in === undefined ? null : deps.now().getTime() + answer.expires_in * 1000,
      refreshToken: refreshToken ?? null,
    },
    account,
  };
}
