import { createServer, type Socket } from 'node:net';

export interface RawListener {
  /** `http://<host>:<port>`. */
  url: string;
  /** Every byte received so far, over every connection, as latin1 text (one char per byte). */
  received(): string;
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP listener on any loopback address (Linux routes all of 127/8 to lo) that records every
 * byte it receives and answers each request with a Basic challenge (so credentials that wait for
 * one come too): the attacker's host in tests that check a secret never reaches an address it
 * was not entered for.
 */
const challenge = 'HTTP/1.1 401 Unauthorized\r\nwww-authenticate: Basic realm="x"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n';

export async function startRawListener(host: string): Promise<RawListener> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    let answer: NodeJS.Timeout | undefined;
    socket.on('close', () => {
      clearTimeout(answer);
      sockets.delete(socket);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Answered once the client has paused, so a body sent after the headers is read too.
      clearTimeout(answer);
      answer = setTimeout(() => socket.end(challenge), 50);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('The raw listener has no port');
  return {
    url: `http://${host}:${address.port}`,
    received: () => Buffer.concat(chunks).toString('latin1'),
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
