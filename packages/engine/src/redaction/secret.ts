/** A username and password sent as HTTP Basic (RFC 7617): the header carries `base64(username:password)`. */
export interface BasicPair {
  kind: 'basic-pair';
  username: string;
  password: string;
}

/**
 * An OAuth client's credentials. With client_secret_basic (RFC 6749 §2.3.1) the header carries
 * `base64(form-urlencode(id):form-urlencode(secret))`; many providers take the plain `id:secret` too.
 */
export interface ClientPair {
  kind: 'client-pair';
  clientId: string;
  clientSecret: string;
}

/**
 * Something a run or test used that nothing stored or shown may hold (SPEC §7a): a value (a
 * password, client secret or token) or a pair whose Basic header must be scrubbed as well.
 */
export type Secret = string | BasicPair | ClientPair;

/** The Basic pair of a username and password. */
export function basicPair(username: string, password: string): BasicPair {
  return { kind: 'basic-pair', username, password };
}

/** The client pair of an OAuth client. */
export function clientPair(clientId: string, clientSecret: string): ClientPair {
  return { kind: 'client-pair', clientId, clientSecret };
}
