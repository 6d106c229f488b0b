import { refusedPort } from '../mocks/refused-port';
import { MockTarget } from '../mocks/target-server';
import { expect, test } from '../fixtures';

// The mocks are test infrastructure: check they behave before trusting the browser tests.
test.describe('mock target server', () => {
  test('answers configured JSON and records requests', async ({ target }) => {
    target.json('GET', '/api/items', { items: [{ id: 1 }] });
    const response = await fetch(`${target.baseUrl}/api/items?page=2`, { headers: { 'x-probe': 'yes' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ items: [{ id: 1 }] });
    const [recorded] = target.requestsTo('GET', '/api/items');
    expect(recorded?.url).toBe('/api/items?page=2');
    expect(recorded?.query.get('page')).toBe('2');
    expect(recorded?.headers['x-probe']).toBe('yes');

    const missing = await fetch(`${target.baseUrl}/nowhere`, { method: 'POST', body: 'hi' });
    expect(missing.status).toBe(404);
    expect(target.requestsTo('POST', '/nowhere')[0]?.body).toBe('hi');
  });

  test('challenges requests without the right Basic credentials', async ({ target }) => {
    target.requireBasicAuth({ username: 'u', password: 'p' }).json('GET', '/secure', { ok: true });
    const anonymous = await fetch(`${target.baseUrl}/secure`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="mock"');
    const wrong = await fetch(`${target.baseUrl}/secure`, { headers: { authorization: `Basic ${btoa('u:nope')}` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${target.baseUrl}/secure`, { headers: { authorization: `Basic ${btoa('u:p')}` } });
    expect(right.status).toBe(200);
    expect(target.requests.map((r) => r.authorized)).toEqual([false, false, true]);
  });

  test('gives a port that refuses connections', async () => {
    const port = await refusedPort();
    const error = await fetch(`http://127.0.0.1:${port}/`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error instanceof Error ? error.cause : '')).toMatch(/ECONNREFUSED/);
  });

  test('closes cleanly with a connection still open', async () => {
    const target = await MockTarget.start();
    target.on('GET', '/slow', { delayMs: 200, json: { late: true } });
    const pending = fetch(`${target.baseUrl}/slow`).catch(() => null);
    await new Promise((r) => setTimeout(r, 50));
    await target.close();
    await pending;
  });
});
