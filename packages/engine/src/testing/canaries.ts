// Test support: canary secrets, and every form they may be found in, written out one by one
// (independently of the scrubber's patterns) for "no canary anywhere" checks.
import { randomUUID } from 'node:crypto';

/** The characters that every encoding writes differently. */
export const awkwardCharacters = '&+ "/\\\u00e9=%';

/** A unique canary for `field`, holding every awkward character. */
export function canary(field: string): string {
  return `cny-${field}-${awkwardCharacters}-${randomUUID()}`;
}

/** How the canary is looked for: a value, or the Basic header of a pair. */
export type CanarySecret = string | { basic: [string, string] } | { client: [string, string] };

/** Every form of `secret` that must not be found: each a string of at least 8 characters. */
export function canaryForms(secret: CanarySecret): string[] {
  const forms = new Set<string>();
  if (typeof secret === 'string') {
    for (const form of valueForms(secret)) forms.add(form);
  } else {
    const [id, password] = 'basic' in secret ? secret.basic : secret.client;
    const pairs = 'basic' in secret ? [`${id}:${password}`] : [`${oauthForm(id)}:${oauthForm(password)}`, `${id}:${password}`];
    for (const pair of pairs) {
      const base64 = Buffer.from(pair, 'utf8').toString('base64');
      for (const form of [base64, base64.replace(/=+$/, ''), Buffer.from(pair, 'utf8').toString('base64url'), encodeURIComponent(base64)]) forms.add(form);
    }
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** The forms of every secret, each with the secret it came from (for readable failures). */
export function allCanaryForms(secrets: readonly CanarySecret[]): Array<{ secret: string; form: string }> {
  return secrets.flatMap((secret) => canaryForms(secret).map((form) => ({ secret: JSON.stringify(secret), form })));
}

/** The forms of `secrets` found in `text` (an empty list when it holds none). */
export function canariesIn(text: string, secrets: readonly CanarySecret[]): Array<{ secret: string; form: string }> {
  return allCanaryForms(secrets).filter(({ form }) => text.includes(form));
}

/** The same for bytes (a database file): UTF-8 and UTF-16LE. */
export function canariesInBytes(bytes: Buffer, secrets: readonly CanarySecret[]): Array<{ secret: string; form: string }> {
  return allCanaryForms(secrets).filter(({ form }) => bytes.includes(form) || bytes.includes(Buffer.from(form, 'utf16le')));
}

function valueForms(value: string): string[] {
  const percent = encodeURIComponent(value);
  const strict = percent.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const form = new URLSearchParams([['', value]]).toString().slice(1);
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  return [
    value,
    percent,
    lowerHex(percent),
    strict,
    form,
    lowerHex(form),
    oauthForm(value),
    json,
    asciiJson,
    // PHP's json_encode: ASCII with escaped slashes.
    asciiJson.replace(/\//g, '\\/'),
    // Go's encoding/json: HTML characters as \u escapes.
    json.replace(/[&<>]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    // A JSON text inside a JSON string.
    JSON.stringify(json).slice(1, -1),
  ];
}

// The client id and secret of an RFC 6749 §2.3.1 Basic header, as oauth4webapi writes them.
function oauthForm(value: string): string {
  return encodeURIComponent(value).replace(/[-_.!~*'()]|%20/g, (part) => (part === '%20' ? '+' : `%${part.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** Not secret, but part of the Basic and client pairs (and forms) that are: awkward too. */
export const canaryUsername = `user ${awkwardCharacters}`;
export const canaryClientId = `client ${awkwardCharacters}`;

/** Canaries for the secret fields of the endpoints an echo target serves, and the tokens it issues. */
export function echoCanaries() {
  return {
    basicPassword: canary('basic-pw'),
    challengePassword: canary('challenge-pw'),
    oauth2Password: canary('oauth2-pw'),
    oauth2ClientSecret: canary('oauth2-cs'),
    salesforcePassword: canary('sf-pw'),
    salesforceClientSecret: canary('sf-cs'),
    remedyPassword: canary('remedy-pw'),
    servicenowPassword: canary('snow-pw'),
    access: canary('access'),
    refresh: canary('refresh'),
    remedyToken: canary('ar-jwt'),
  };
}

/** The Basic and client pairs `echoCanaries` travel in (Basic, Basic by challenge, ServiceNow, OAuth2's client). */
export function echoCanaryPairs(secret: ReturnType<typeof echoCanaries>): CanarySecret[] {
  return [
    { basic: [canaryUsername, secret.basicPassword] },
    { basic: [canaryUsername, secret.challengePassword] },
    { basic: [canaryUsername, secret.servicenowPassword] },
    { client: [canaryClientId, secret.oauth2ClientSecret] },
  ];
}
