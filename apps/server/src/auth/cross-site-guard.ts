import type { IncomingMessage } from 'node:http';

/** The header the web client sends with every tRPC call; a cross-site form or simple request cannot set it. */
export const csrfHeader = 'x-flowyard-csrf';

/** The browser origins Flowyard answers: FLOWYARD_PUBLIC_URL's, plus FLOWYARD_ALLOWED_ORIGINS. */
export interface SiteOrigins {
  publicOrigin: string;
  allowed: ReadonlySet<string>;
}

/**
 * Why a tRPC request must be refused as possibly cross-site, or undefined when it may go on:
 * - an `Origin` header (browsers send it on cross-origin requests and on POSTs) must be one of
 *   `origins`. The request's own Host does not count: a name an attacker points at this server
 *   (DNS rebinding) would otherwise vouch for itself;
 * - a mutation (tRPC only takes them as POST) must carry `x-flowyard-csrf: 1`, unless it
 *   authenticates with an API key in `Authorization` (which browsers never add on their own,
 *   and then the session cookie is not looked at).
 */
export function crossSiteProblem(req: IncomingMessage, origins: SiteOrigins): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.allowed.has(origin)) {
    return `Requests from ${origin} are not accepted; use Flowyard at ${origins.publicOrigin}`;
  }
  const reads = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  if (!reads && req.headers.authorization === undefined && req.headers[csrfHeader] !== '1') {
    return `Changes need the ${csrfHeader}: 1 header (the Flowyard web app sends it)`;
  }
  return undefined;
}

/**
 * The origins for a public URL and the extra allowed ones (already normalised to origins). A
 * `localhost` public URL (the default) also accepts its loopback addresses on the same port:
 * only a page served from this machine can carry those origins.
 */
export function siteOrigins(publicUrl: string, extra: readonly string[]): SiteOrigins {
  const url = new URL(publicUrl);
  const loopback = url.hostname === 'localhost' ? ['127.0.0.1', '[::1]'].map((host) => `${url.protocol}//${host}${url.port === '' ? '' : `:${url.port}`}`) : [];
  return { publicOrigin: url.origin, allowed: new Set([url.origin, ...loopback, ...extra]) };
}
