import type { InboundAuth } from '@flowyard/engine/schemas';

/** Where the token goes in a URL-authenticated integration's address when it is not known (it is shown only once). */
export const tokenPlaceholder = '<token>';

/** The full address of an inbound path (`/inbound/<id>` or with its token) at the server's public URL. */
export function inboundUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** The address callers use: with the token for URL authentication (the placeholder unless it was just made). */
export function callerUrl(publicUrl: string, path: string, auth: InboundAuth, token?: string): string {
  return inboundUrl(publicUrl, auth.type === 'url' ? `${path}/${token ?? tokenPlaceholder}` : path);
}

/**
 * An example call a person can paste into a shell: a JSON POST with the caller's API key, or a
 * form post to the tokened URL (form fields reach the script as `request.parameters`).
 */
export function inboundCurl(url: string, auth: InboundAuth): string {
  const quoted = `'${url.replace(/'/g, `'\\''`)}'`;
  if (auth.type === 'apiKey') {
    return [`curl -X POST ${quoted}`, `  -H 'Authorization: Bearer <your API key>'`, `  -H 'Content-Type: application/json'`, `  -d '{"id": 42, "status": "open"}'`].join(' \\\n');
  }
  return [`curl -X POST ${quoted}`, `  -d 'id=42' -d 'status=open'`].join(' \\\n');
}
