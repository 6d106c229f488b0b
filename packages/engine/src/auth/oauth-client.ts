import * as oauth from 'oauth4webapi';

/**
 * The oauth4webapi client for `clientId`, with its clock set to the engine's injected one, so
 * that ID token time checks (iat, nbf, exp) agree with the clock that decides token expiry.
 */
export function oauthClient(clientId: string, now: Date): oauth.Client {
  return { client_id: clientId, [oauth.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000) };
}
