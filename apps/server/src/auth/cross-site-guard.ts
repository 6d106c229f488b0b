import type { IncomingMessage } from 'node:http';

/** The header the web client sends with every tRPC call; a cross-site form or simple request cannot set it. */
export const csrfHeader = 'x-flowyard-csrf';

/**
 * Why a tRPC request must be refused as possibly cross-site, or undefined when it may go on:
 * - an `Origin` header (browsers send it on cross-origin requests and on POSTs) must be this
 *   server's public origin or the origin of the Host it was addressed to;
 * - a mutation (tRPC only takes them as POST) must carry `x-flowyard-csrf: 1`, unless it
 *   authenticates with an API key in `Authorization` (which browsers never add on their own,
 *   and then the session cookie is not looked at).
 */
export function crossSiteProblem(req: IncomingMessage, publicOrigin: string): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const host = req.headers.host;
    const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    const sameHost = host !== undefined && origin === `${scheme}://${host}`;
    if (origin !== publicOrigin && !sameHost) return `Requests from ${origin} are not accepted; use Flowyard at ${publicOrigin}`;
  }
  const reads = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  if (!reads && req.headers.authorization === undefined && req.headers[csrfHeader] !== '1') {
    return `Changes need the ${csrfHeader}: 1 header (the Flowyard web app sends it)`;
  }
  return undefined;
}
