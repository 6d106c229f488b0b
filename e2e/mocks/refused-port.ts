import { createServer } from 'node:net';

/**
 * A 127.0.0.1 port that refuses connections: bound to learn a free number, then
 * closed. Another process could grab it in between, which is unlikely enough for tests.
 */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('probe server has no TCP address');
  return address.port;
}
