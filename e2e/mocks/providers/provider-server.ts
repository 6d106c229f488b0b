import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request a mock provider received. */
export interface ProviderRequest {
  /** Which mock answered: `oauth2`, `salesforce`, `slack`, `microsoft`, `graph`, `remedy`, `servicenow`. */
  provider: string;
  method: string;
  /** Path without the provider prefix and query, e.g. `/oauth/token`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as a form (empty for other bodies). */
  form: URLSearchParams;
  at: Date;
}

/** What a route answers. */
export interface ProviderResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
}

export type ProviderRoute = (request: ProviderRequest) => ProviderResponse;

/** A provider mounted under `/<prefix>` of the shared mock server. */
export interface MockProvider {
  prefix: string;
  /** `METHOD /path` → route; a path ending in `/*` matches everything below it. */
  routes: Record<string, ProviderRoute>;
}

/** Starts one HTTP server on 127.0.0.1 for every provider (port 0: ephemeral). */
export async function startProviderServer(providers: MockProvider[], log: ProviderRequest[], port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(providers, log, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`mock provider failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const bound = await listen(server, port);
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(providers: MockProvider[], log: ProviderRequest[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const parsed = new URL(req.url ?? '/', 'http://mock.invalid');
  const provider = providers.find((p) => parsed.pathname === `/${p.prefix}` || parsed.pathname.startsWith(`/${p.prefix}/`));
  if (provider === undefined) return send(res, { status: 404, json: { error: `no mock provider for ${parsed.pathname}` } });
  const contentType = req.headers['content-type'] ?? '';
  const request: ProviderRequest = {
    provider: provider.prefix,
    method: (req.method ?? 'GET').toUpperCase(),
    path: parsed.pathname.slice(provider.prefix.length + 1) || '/',
    query: parsed.searchParams,
    headers: req.headers,
    body,
    form: contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams(),
    at: new Date(),
  };
  log.push(request);
  const route = findRoute(provider, request);
  if (route === undefined) return send(res, { status: 404, json: { error: `no mock route for ${request.method} /${provider.prefix}${request.path}` } });
  send(res, route(request));
}

function findRoute(provider: MockProvider, request: ProviderRequest): ProviderRoute | undefined {
  const exact = provider.routes[`${request.method} ${request.path}`];
  if (exact !== undefined) return exact;
  for (const [key, route] of Object.entries(provider.routes)) {
    const [method, path] = key.split(' ');
    if (method === request.method && path !== undefined && path.endsWith('/*') && request.path.startsWith(path.slice(0, -1))) return route;
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: ProviderResponse): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...response.headers };
  let body = response.body ?? '';
  if (response.json !== undefined) {
    body = JSON.stringify(response.json);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('mock provider server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** The client credentials of a token request: HTTP Basic (form-urlencoded parts) or form fields. */
export function clientCredentials(request: ProviderRequest): { clientId: string | null; clientSecret: string | null } {
  const header = request.headers.authorization;
  if (header !== undefined && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      const part = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
      return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)) };
    }
  }
  return { clientId: request.form.get('client_id'), clientSecret: request.form.get('client_secret') };
}

/** The token of an `Authorization: <scheme> <token>` header, or null. */
export function bearerOf(request: ProviderRequest, scheme = 'Bearer'): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = new RegExp(`^${scheme}\\s+(.+)$`, 'i').exec(header);
  return match?.[1]?.trim() ?? null;
}

/** A 302 to `location`. */
export function redirect(location: string): ProviderResponse {
  return { status: 302, headers: { location } };
}

/** A minimal consent page: the app's name, the scopes and an Allow button that POSTs back the query. */
export function consentPage(title: string, query: URLSearchParams, action: string): ProviderResponse {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const fields = [...query].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  const scopes = (query.get('scope') ?? query.get('user_scope') ?? '').split(/[\s,]+/).filter(Boolean);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>
<h1>${escape(title)}</h1><p>Flowyard wants to access your account with these permissions:</p>
<ul>${scopes.map((scope) => `<li>${escape(scope)}</li>`).join('')}</ul>
<form method="post" action="${escape(action)}">${fields}<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Cancel</button></form></body></html>`;
  return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}
