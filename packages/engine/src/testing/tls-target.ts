import { createServer, type TLSSocket } from 'node:tls';
import type { KeyAndCert } from './test-certificates';

/** A TLS server that records every byte a client sends after the handshake. */
export interface TlsTarget {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** TCP connections accepted (the client did reach the server). */
  connections(): number;
  /** Everything clients sent over TLS, as text. */
  received(): string;
  close(): Promise<void>;
}

/**
 * Starts a bare TLS server on 127.0.0.1 (ephemeral port) that answers each complete HTTP
 * request with `200 ok`. Being below HTTP, it sees bytes even when a client gives up before
 * its request is complete: "nothing received" means nothing was written.
 */
export async function startTlsTarget(credentials: KeyAndCert): Promise<TlsTarget> {
  const chunks: Buffer[] = [];
  let connections = 0;
  const sockets = new Set<TLSSocket>();
  const server = createServer({ key: credentials.key, cert: credentials.cert }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      pending = Buffer.concat([pending, chunk]);
      const text = pending.toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, headEnd))?.[1] ?? '0');
      if (pending.length < headEnd + 4 + length) return;
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    });
  });
  // A client that rejects the certificate closes the socket mid-handshake or right after it.
  server.on('tlsClientError', () => {});
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('TLS target is not listening on TCP');
  return {
    url: `https://127.0.0.1:${address.port}`,
    connections: () => connections,
    received: () => Buffer.concat(chunks).toString('utf8'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
