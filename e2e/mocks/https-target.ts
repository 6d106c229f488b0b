import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MockRoutes } from './mock-routes';
import { listenOnLoopback } from './target-server';

const run = promisify(execFile);

/** A certificate made for one test: PEM text plus the facts the Activity panel should show. */
export interface TestCertificate {
  cert: string;
  key: string;
  commonName: string;
  /** As openssl writes them into the certificate, e.g. `DNS:localhost`, `IP:127.0.0.1`. */
  altNames: readonly string[];
}

export interface SelfSignedOptions {
  commonName?: string;
  altNames?: readonly string[];
  days?: number;
}

/**
 * Generates a self-signed certificate with the system's openssl (an EC key, so it is quick).
 * By default it names 127.0.0.1, so only the chain is untrusted: host and dates are fine.
 */
export async function selfSignedCertificate(options: SelfSignedOptions = {}): Promise<TestCertificate> {
  const commonName = options.commonName ?? 'flowyard-e2e.localhost';
  const altNames = options.altNames ?? ['DNS:localhost', 'IP:127.0.0.1'];
  const dir = await mkdtemp(join(tmpdir(), 'flowyard-e2e-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      String(options.days ?? 2),
      '-subj',
      `/CN=${commonName}/O=Flowyard E2E`,
      '-addext',
      `subjectAltName=${altNames.join(',')}`,
    ]);
    return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), commonName, altNames };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An HTTPS mock target on an ephemeral 127.0.0.1 port, serving a certificate no CA vouches for. */
export class HttpsTarget extends MockRoutes {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly certificate: TestCertificate,
  ) {
    super();
  }

  /** Starts a target with a fresh self-signed certificate (or the one given). */
  static async start(certificate?: TestCertificate): Promise<HttpsTarget> {
    const chosen = certificate ?? (await selfSignedCertificate());
    const server = createServer({ cert: chosen.cert, key: chosen.key });
    const port = await listenOnLoopback(server);
    const target = new HttpsTarget(server, port, chosen);
    server.on('request', target.listener);
    return target;
  }

  /** What an endpoint's Base URL should be to reach this mock. */
  get baseUrl(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
