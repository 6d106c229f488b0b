import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** One request as the mock target saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/api/items?x=1`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** False when Basic auth is required and the request did not carry the right credentials. */
  authorized: boolean;
  receivedAt: Date;
}

/** What a route answers; `json` wins over `body` and sets the content type. */
export interface MockResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Wait before answering, for timeout tests. */
  delayMs?: number;
}

export type MockHandler = (request: RecordedRequest) => MockResponse | Promise<MockResponse>;

export interface BasicAuthRule {
  username: string;
  password: string;
  /** Realm in the `WWW-Authenticate` challenge sent with the 401. */
  realm?: string;
}

/**
 * Routes and the request log of a mock server, independent of the transport so that
 * HTTP, HTTPS and OAuth-provider mocks can share it (each just binds `listener`).
 */
export class MockRoutes {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, MockHandler>();
  private basicAuth: BasicAuthRule | null = null;

  /** Answers `method path` (path without query) with a fixed response or a handler. */
  on(method: string, path: string, response: MockResponse | MockHandler): this {
    this.routes.set(routeKey(method, path), typeof response === 'function' ? response : () => response);
    return this;
  }

  /** Shorthand for a 200 JSON answer. */
  json(method: string, path: string, json: unknown, status = 200): this {
    return this.on(method, path, { status, json });
  }

  /** From now on every request must carry these Basic credentials, else 401 with a challenge. */
  requireBasicAuth(rule: BasicAuthRule | null): this {
    this.basicAuth = rule;
    return this;
  }

  /** The recorded requests to `method path`, oldest first. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  /** Forgets the request log (routes stay). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  readonly listener: RequestListener = (req, res) => {
    void this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`mock target failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const parsed = new URL(req.url ?? '/', 'http://mock.invalid');
    const recorded: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      url: req.url ?? '/',
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
      body,
      authorized: this.isAuthorized(req.headers.authorization),
      receivedAt: new Date(),
    };
    this.requests.push(recorded);

    if (!recorded.authorized) {
      const realm = this.basicAuth?.realm ?? 'mock';
      send(res, { status: 401, headers: { 'www-authenticate': `Basic realm="${realm}"` }, json: { error: 'unauthorized' } });
      return;
    }
    const handler = this.routes.get(routeKey(recorded.method, recorded.path));
    if (!handler) {
      send(res, { status: 404, json: { error: `no mock route for ${recorded.method} ${recorded.path}` } });
      return;
    }
    const response = await handler(recorded);
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    send(res, response);
  }

  private isAuthorized(header: string | undefined): boolean {
    if (!this.basicAuth) return true;
    const expected = `Basic ${Buffer.from(`${this.basicAuth.username}:${this.basicAuth.password}`).toString('base64')}`;
    return header === expected;
  }
}

function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: MockResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let body = response.body ?? '';
  if (response.json !== undefined) {
    body = JSON.stringify(response.json);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}
