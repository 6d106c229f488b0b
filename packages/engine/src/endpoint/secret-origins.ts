import type { FieldIssue } from '../errors/flowyard-error';
import type { AuthType } from './auth';

/**
 * A secret an endpoint holds, named as its auth field: `password`, `clientSecret`, or the
 * `connection` (the tokens a Slack or Graph Connect stored, with who connected).
 */
export type BoundSecret = 'password' | 'clientSecret' | 'connection';

/**
 * Where an endpoint sends things: its base URL and the auth fields that name addresses or hold
 * secrets. Stored (`AuthView`), entered (`AuthInput`, the dialog's values) and resolved auth all
 * fit, so the server, the dialog and the token cache apply one rule.
 */
export interface SecretAddress {
  baseUrl: string;
  auth:
    | { type: Extract<AuthType, 'none' | 'flowyard' | 'slack' | 'msgraph'> }
    | { type: Extract<AuthType, 'basic' | 'remedy' | 'servicenow'>; password?: string | undefined }
    | { type: Extract<AuthType, 'oauth2' | 'salesforce'>; tokenUrl?: string | undefined; password?: string | undefined; clientSecret?: string | undefined };
}

/** The origin (scheme, host, port) of an http(s) URL, normalised as `URL` does; anything else as typed. */
export function urlOrigin(url: string): string {
  const text = url.trim();
  try {
    const parsed = new URL(text);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // Not a URL (yet, while someone types): compared as text, so any edit counts as a move.
  }
  return text;
}

/**
 * SPEC §7a: each secret of the endpoint with the origins it goes to, directly or through the token
 * it buys, one per role (so a token URL moved onto the base URL's origin still counts as a move).
 * Basic, ServiceNow, Remedy (login at {baseUrl}/api/jwt/login): [base URL]. OAuth2 and Salesforce:
 * [token URL (an empty Salesforce one is `salesforceLoginUrl`, the server's), base URL the token is
 * used at]. Slack and Graph: the connection belongs to [base URL].
 */
export function secretOrigins(endpoint: SecretAddress, salesforceLoginUrl: string): Map<BoundSecret, string[]> {
  const { auth, baseUrl } = endpoint;
  switch (auth.type) {
    case 'none':
    case 'flowyard':
      return new Map();
    case 'basic':
    case 'remedy':
    case 'servicenow':
      return new Map([['password', [urlOrigin(baseUrl)]]]);
    case 'oauth2':
    case 'salesforce': {
      const tokenUrl = auth.type === 'salesforce' && (auth.tokenUrl ?? '').trim() === '' ? salesforceLoginUrl : (auth.tokenUrl ?? '');
      const origins = [urlOrigin(tokenUrl), urlOrigin(baseUrl)];
      return new Map([
        ['password', origins],
        ['clientSecret', origins],
      ]);
    }
    case 'slack':
    case 'msgraph':
      return new Map([['connection', [urlOrigin(baseUrl)]]]);
  }
}

/**
 * The secrets of `after` that go to an origin they did not go to in `before`: a stored value of
 * one of them must not follow the endpoint there. A path change within an origin moves nothing.
 */
export function movedSecrets(before: SecretAddress, after: SecretAddress, salesforceLoginUrl: string): BoundSecret[] {
  const was = secretOrigins(before, salesforceLoginUrl);
  return [...secretOrigins(after, salesforceLoginUrl)]
    .filter(([secret, origins]) => {
      const previous = was.get(secret);
      return previous === undefined || origins.length !== previous.length || origins.some((origin, role) => origin !== previous[role]);
    })
    .map(([secret]) => secret);
}

/** The auth field of a secret people type, with its name in messages. */
export const typedSecretFields = {
  password: { path: 'auth.password', label: 'password' },
  clientSecret: { path: 'auth.clientSecret', label: 'client secret' },
} as const satisfies Record<Exclude<BoundSecret, 'connection'>, { path: string; label: string }>;

/** What the dialog and the API say on a secret that must be entered again for its new address. */
export function reenterMessage(secret: Exclude<BoundSecret, 'connection'>): string {
  return `Re-enter the ${typedSecretFields[secret].label} to send it to the new address`;
}

/**
 * SPEC §7a: one issue per typed secret that `after` sends to a new origin without a new value
 * (absent or empty), so the stored one would follow it there. The connection is not typed: it is
 * dropped instead (see `movedSecrets`).
 */
export function unenteredSecretIssues(before: SecretAddress, after: SecretAddress, salesforceLoginUrl: string): FieldIssue[] {
  return movedSecrets(before, after, salesforceLoginUrl).flatMap((secret) => {
    if (secret === 'connection' || enteredSecret(after.auth, secret) !== '') return [];
    return [{ path: typedSecretFields[secret].path, message: reenterMessage(secret) }];
  });
}

/** The value entered for a typed secret, '' when none was. */
function enteredSecret(auth: SecretAddress['auth'], secret: 'password' | 'clientSecret'): string {
  switch (auth.type) {
    case 'basic':
    case 'remedy':
    case 'servicenow':
      return secret === 'password' ? (auth.password ?? '') : '';
    case 'oauth2':
    case 'salesforce':
      return (secret === 'password' ? auth.password : auth.clientSecret) ?? '';
    case 'none':
    case 'flowyard':
    case 'slack':
    case 'msgraph':
      return '';
  }
}
