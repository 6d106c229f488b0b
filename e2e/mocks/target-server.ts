import { createServer, type Server } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { MockRoutes } from './mock-routes';

/** A plain-HTTP mock target API on an ephemeral 127.0.0.1 port. */
export class MockTarget extends MockRoutes {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {
    super();
  }

  /** Starts a mock target; routes are added afterwards with `on` / `json`. */
  static async start(): Promise<MockTarget> {
    const server = createServer();
    const port = await listenOnLoopback(server);
    const target = new MockTarget(server, port);
    server.on('request', target.listener);
    return target;
  }

  /** What an endpoint's Base URL should be to reach this mock. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Binds `server` to an ephemeral port on 127.0.0.1 and returns the port (works for https servers too). */
export function listenOnLoopback(server: NetServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('mock server has no TCP address'));
        return;
      }
      resolve((address satisfies AddressInfo).port);
    });
  });
}
