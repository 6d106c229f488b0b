import type { ResolvedAuth } from '../endpoint/auth';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpResponse } from '../http/http-types';
import { joinUrl } from '../http/join-url';
import type { Secret } from '../redaction/secret';
import type { Json } from '../run/run-record';
import { authFailed } from './auth-failed';
import type { AuthContext, SendAttempt } from './auth-strategy';
import { basicAuth } from './basic-auth';
import { flowyardAuth } from './flowyard-auth';
import { graphTokenUse, msgraphAuth, notConnected } from './msgraph-auth';
import { noneAuth } from './none-auth';
import { oauth2Auth } from './oauth2-auth';
import { passwordGrant } from './password-grant';
import { remedyAuth, remedyLogin } from './remedy-auth';
import { salesforceAuth, salesforceToken, salesforceTokenUrl } from './salesforce-auth';
import { currentToken } from './send-with-token';
import { serviceNowAuth, serviceNowTestPath } from './servicenow-auth';
import { slackAuth } from './slack-auth';

// One case per auth type; adding a type to `authTypes` makes these switches fail to compile until handled.

/** Sends a request with the endpoint's authentication, making as many attempts as the auth type needs. */
export function sendWithAuth(auth: ResolvedAuth, attempt: SendAttempt, ctx: AuthContext): Promise<HttpResponse> {
  switch (auth.type) {
    case 'none':
      return noneAuth.send(auth, attempt, ctx);
    case 'basic':
      return basicAuth.send(auth, attempt, ctx);
    case 'oauth2':
      return oauth2Auth.send(auth, attempt, ctx);
    case 'salesforce':
      return salesforceAuth.send(auth, attempt, ctx);
    case 'slack':
      return slackAuth.send(auth, attempt, ctx);
    case 'msgraph':
      return msgraphAuth.send(auth, attempt, ctx);
    case 'remedy':
      return remedyAuth.send(auth, attempt, ctx);
    case 'servicenow':
      return serviceNowAuth.send(auth, attempt, ctx);
    case 'flowyard':
      return flowyardAuth.send(auth, attempt, ctx);
  }
}

/** The secrets of an endpoint's authentication, to keep them out of everything stored or shown. */
export function authSecrets(auth: ResolvedAuth): Secret[] {
  switch (auth.type) {
    case 'none':
      return noneAuth.secrets(auth);
    case 'basic':
      return basicAuth.secrets(auth);
    case 'oauth2':
      return oauth2Auth.secrets(auth);
    case 'salesforce':
      return salesforceAuth.secrets(auth);
    case 'slack':
      return slackAuth.secrets(auth);
    case 'msgraph':
      return msgraphAuth.secrets(auth);
    case 'remedy':
      return remedyAuth.secrets(auth);
    case 'servicenow':
      return serviceNowAuth.secrets(auth);
    case 'flowyard':
      return flowyardAuth.secrets(auth);
  }
}

/**
 * The access token a script gets from `http.authenticate(name)` (SPEC §5): only Slack and
 * Microsoft Graph endpoints hand theirs out; other types keep their tokens inside the engine.
 */
export async function scriptAccessToken(auth: ResolvedAuth, ctx: AuthContext): Promise<string> {
  switch (auth.type) {
    case 'slack':
      if (auth.tokens === null) throw notConnected(ctx, 'Slack');
      return auth.tokens.accessToken;
    case 'msgraph':
      return (await currentToken(graphTokenUse(auth, ctx), ctx)).value;
    case 'none':
    case 'basic':
    case 'oauth2':
    case 'salesforce':
    case 'remedy':
    case 'servicenow':
    case 'flowyard':
      throw new FlowyardError(
        'VALIDATION_FAILED',
        `http.authenticate('${ctx.endpoint.name}') works only for Slack and Microsoft Graph endpoints; this endpoint adds its credentials to requests by itself`,
        { details: { endpoint: ctx.endpoint.name, authType: auth.type } },
      );
  }
}

/** What Test Authentication learnt; never a secret. */
export interface AuthCheck {
  message: string;
  details: Record<string, Json>;
}

/**
 * Test Authentication: performs the real token or login request (never from the cache), or for
 * ServiceNow an authenticated read of the signed-in user. Failures throw (AUTH_FAILED with the
 * target's status and body, or the network/TLS code).
 */
export async function checkAuthentication(auth: ResolvedAuth, ctx: AuthContext, send: (path: string) => Promise<HttpResponse>): Promise<AuthCheck> {
  switch (auth.type) {
    case 'oauth2': {
      const { token, response } = await passwordGrant(auth, 'basic', ctx);
      ctx.scrubber.add(token.value);
      return {
        message: `The token URL issued an access token for ${auth.username}`,
        details: { tokenUrl: auth.tokenUrl, tokenType: response.token_type, expiresIn: response.expires_in ?? null, scope: response.scope ?? null },
      };
    }
    case 'salesforce': {
      const token = await salesforceToken(auth, ctx);
      ctx.scrubber.add(token.value);
      return {
        message: `Salesforce issued an access token for ${auth.username}; requests go to ${token.instanceUrl ?? ''}`,
        details: { tokenUrl: salesforceTokenUrl(auth.tokenUrl), instanceUrl: token.instanceUrl },
      };
    }
    case 'remedy': {
      const token = await remedyLogin(auth, ctx);
      ctx.scrubber.add(token.value);
      return { message: `Remedy issued an AR-JWT token for ${auth.username}`, details: { expiresAt: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString() } };
    }
    case 'servicenow': {
      const path = serviceNowTestPath(auth.username);
      const response = await send(path);
      if (response.status < 200 || response.status > 299) {
        const problem = response.status === 401 ? 'the instance rejected the username or password' : `the instance answered ${response.status} ${response.statusText}`.trim();
        throw authFailed(`ServiceNow sign-in as ${auth.username} failed: ${problem}`, response, ctx.scrubber, joinUrl(ctx.endpoint.baseUrl, path));
      }
      return { message: `Signed in to ServiceNow as ${auth.username}`, details: { status: response.status, path } };
    }
    case 'none':
    case 'basic':
    case 'slack':
    case 'msgraph':
    case 'flowyard':
      throw new FlowyardError('VALIDATION_FAILED', 'Test Authentication applies to OAuth2, Salesforce, BMC Remedy and ServiceNow endpoints', {
        details: { authType: auth.type },
      });
  }
}
