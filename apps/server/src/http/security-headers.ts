import helmet, { type HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/**
 * The Content-Security-Policy the web app runs under: its own scripts only (no inline script, no
 * eval), no framing, no plugins, requests to this origin only. Inline styles are allowed: Radix
 * dialogs (scroll lock) and CodeMirror add `<style>` elements and style attributes at run time.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const;

/**
 * Helmet's settings for every answer: the CSP above, `nosniff`, no referrer, no framing. The
 * Connect popup keeps its opener (COOP allows popups; the callback page itself opts out, see
 * callback-route.ts). HSTS only when the public URL is https: on plain http it means nothing.
 */
export function securityHeaderOptions(publicUrl: string): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: new URL(publicUrl).protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/**
 * The headers helmet sets with `options`, worked out once: answers written around Express (HTTP
 * triggers, the busiest path) add them without running the middleware per call.
 */
export function staticSecurityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  let failure: unknown;
  helmet(options)(res.req, res, (error) => (failure = error));
  if (failure !== undefined) throw failure;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined) headers[name] = String(value);
  return headers;
}
