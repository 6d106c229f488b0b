import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import { startLocalServer } from '../testing/local-server';
import { endpointWith, failure, get } from './auth-test-kit';

const http = createHttpClient();
afterAll(() => http.close());

describe('a shared token fetch', () => {
  it('is not cancelled for everyone when one waiting caller is cancelled', async () => {
    let tokenRequests = 0;
    const server = await startLocalServer((req, res) => {
      if (req.url === '/token') {
        tokenRequests += 1;
        // Slow enough for the first caller to be cancelled while everyone waits.
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ access_token: 'shared-token-123', token_type: 'Bearer', expires_in: 600 }));
        }, 150);
        return;
      }
      res.statusCode = req.headers.authorization === 'Bearer shared-token-123' ? 200 : 401;
      res.end('ok');
    });
    try {
      const endpoint = endpointWith(server.url, { type: 'oauth2', tokenUrl: `${server.url}/token`, username: 'u', password: 'p', clientId: 'c', clientSecret: 's' });
      const cancel = new AbortController();
      const cancelled = http.send(get(endpoint, '/a', { signal: cancel.signal }), () => {});
      const other = http.send(get(endpoint, '/b'), () => {});
      setTimeout(() => cancel.abort(), 30);
      expect(await failure(cancelled)).toMatchObject({ code: 'HTTP_CONNECT_FAILED', details: { cancelled: true } });
      expect((await other).status).toBe(200);
      expect(tokenRequests).toBe(1);
    } finally {
      await server.close();
    }
  });
});
