import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from: the socket's, or with `trustedHops` proxies in front of
 * Flowyard (FLOWYARD_TRUST_PROXY) the entry of `X-Forwarded-For` that the outermost trusted proxy
 * wrote. Entries to the left of it are whatever the client sent, so they are never believed.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const socket = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (trustedHops === 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  // Nearest first: the socket is the last proxy, then each address a proxy appended, right to left.
  let address = socket;
  for (let hop = 1; hop <= trustedHops && hop <= forwarded.length; hop += 1) {
    const entry = plainAddress((forwarded[forwarded.length - hop] ?? '').trim());
    // A proxy that wrote no address (or garbage) ends the chain we can believe.
    if (isIP(entry) === 0) break;
    address = entry;
  }
  return address;
}

/** `::ffff:1.2.3.4` (an IPv4 client of a dual-stack socket) as `1.2.3.4`. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
