// Test support: a target that hands back everything it is sent, for "no secret anywhere" tests.
import type { ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from './local-server';

/** The tokens the echo target issues (any credentials are accepted). */
export interface EchoTokens {
  /** OAuth2 and Salesforce access token. */
  access: string;
  refresh: string;
  /** Remedy's AR-JWT. */
  remedy: string;
}

/**
 * Starts a target that accepts any credentials and echoes every request:
 * - `POST …/oauth/token`: a password-grant answer with `tokens` (`instance_url` is this target);
 * - `POST …/api/jwt/login`: Remedy's login, answering `tokens.remedy` as text;
 * - under `/refused/`, both refuse, echoing the form and the Authorization header in the error;
 * - under `/challenge/`, a request without Authorization gets a Basic challenge;
 * - anything else answers 200 with `{ method, url, query, headers, body, keys }` (`keys`: the request's
 *   header values as object keys), every request header again as an `x-echo-<name>` response
 *   header; under `/ascii/` the JSON is written as Python and PHP write it (`\u00e9`, `\/`).
 */
export function startEchoTarget(tokens: EchoTokens): Promise<LocalServer> {
  let url = '';
  const started = startLocalServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://echo.invalid').pathname;
    const refused = path.startsWith('/refused/');
    const echoed = `form ${req.body} with ${req.headers.authorization ?? 'no Authorization'}`;
    if (path.endsWith('/oauth/token')) {
      if (refused) return json(res, 400, { error: 'invalid_grant', error_description: echoed });
      return json(res, 200, { access_token: tokens.access, refresh_token: tokens.refresh, token_type: 'Bearer', expires_in: 3600, scope: 'api', instance_url: url });
    }
    if (path.endsWith('/api/jwt/login')) {
      if (refused) return json(res, 401, [{ messageType: 'ERROR', messageText: 'Authentication failed', messageAppendedText: echoed }]);
      res.setHeader('content-type', 'text/plain');
      return res.end(tokens.remedy);
    }
    if (path.startsWith('/challenge/') && req.headers.authorization === undefined) {
      res.statusCode = 401;
      res.setHeader('www-authenticate', 'Basic realm="echo"');
      return res.end('who are you?');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value !== 'string') continue;
      headers[name] = value;
      res.setHeader(`x-echo-${name}`, value);
    }
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://echo.invalid').searchParams);
    const answer = { method: req.method, url: req.url, query, headers, body: req.body, keys: Object.fromEntries(Object.values(headers).map((value) => [value, true])) };
    const text = JSON.stringify(answer);
    res.setHeader('content-type', 'application/json');
    res.end(path.startsWith('/ascii/') ? text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/') : text);
  });
  return started.then((server) => {
    url = server.url;
    return server;
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
