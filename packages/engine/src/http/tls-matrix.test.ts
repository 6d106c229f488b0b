import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpExchange } from '../run/run-record';
import { testCertificates, type KeyAndCert, type TestCertificates } from '../testing/test-certificates';
import { startTlsTarget, type TlsTarget } from '../testing/tls-target';
import { certificateDetailsSchema } from './certificate-details';
import { createHttpClient } from './http-client';
import type { HttpClient } from './http-types';

type Outcome = 'ok' | 'TLS_UNTRUSTED_CERT' | 'TLS_HOSTNAME_MISMATCH' | 'TLS_CERT_EXPIRED';
type CertName = Exclude<keyof TestCertificates, 'caCert' | 'source'>;

/**
 * SPEC §2 trust self-signed, every combination: which certificate the server presents, whether
 * the client knows the test CA (a company CA configured on the server), and the endpoint's
 * checkbox. `ok` means the request got through; anything else is the step's error code.
 */
const matrix: { cert: CertName; what: string; caKnown: boolean; off: Outcome; on: Outcome }[] = [
  { cert: 'caSigned', what: 'issued by a CA the client trusts', caKnown: true, off: 'ok', on: 'ok' },
  { cert: 'caSigned', what: 'issued by a private CA the client does not know', caKnown: false, off: 'TLS_UNTRUSTED_CERT', on: 'ok' },
  { cert: 'selfSigned', what: 'self-signed', caKnown: false, off: 'TLS_UNTRUSTED_CERT', on: 'ok' },
  { cert: 'otherHost', what: 'self-signed for another host', caKnown: false, off: 'TLS_UNTRUSTED_CERT', on: 'TLS_HOSTNAME_MISMATCH' },
  { cert: 'caSignedOther', what: 'issued by a trusted CA for another host', caKnown: true, off: 'TLS_HOSTNAME_MISMATCH', on: 'TLS_HOSTNAME_MISMATCH' },
  { cert: 'expired', what: 'self-signed and expired', caKnown: false, off: 'TLS_CERT_EXPIRED', on: 'TLS_CERT_EXPIRED' },
  { cert: 'caExpired', what: 'issued by a trusted CA and expired', caKnown: true, off: 'TLS_CERT_EXPIRED', on: 'TLS_CERT_EXPIRED' },
];

let certs: TestCertificates;
let strangers: HttpClient;
let companyCa: HttpClient;
const targets = new Map<CertName, TlsTarget>();

beforeAll(async () => {
  certs = testCertificates();
  strangers = createHttpClient();
  companyCa = createHttpClient({ extraCaCertificates: [certs.caCert] });
}, 60_000);
afterAll(async () => {
  await Promise.all([strangers.close(), companyCa.close(), ...[...targets.values()].map((target) => target.close())]);
});

/** A fresh target per case, so one case's connections and bytes never count for another. */
async function target(cert: KeyAndCert): Promise<TlsTarget> {
  return startTlsTarget(cert);
}

function endpoint(baseUrl: string, trustSelfSigned: boolean): ResolvedEndpoint {
  return { id: `ep-${baseUrl}`, name: 'Secure', baseUrl, trustSelfSigned, auth: { type: 'none' } };
}

async function outcome(promise: Promise<unknown>): Promise<{ code: Outcome; error: FlowyardError | null }> {
  try {
    await promise;
    return { code: 'ok', error: null };
  } catch (error) {
    if (!(error instanceof FlowyardError)) throw error;
    if (error.code !== 'TLS_UNTRUSTED_CERT' && error.code !== 'TLS_HOSTNAME_MISMATCH' && error.code !== 'TLS_CERT_EXPIRED') throw error;
    return { code: error.code, error };
  }
}

describe('trust self-signed, every combination', () => {
  for (const row of matrix) {
    for (const trust of [false, true]) {
      const expected = trust ? row.on : row.off;
      it(`a certificate ${row.what}, Trust self-signed ${trust ? 'on' : 'off'}: ${expected}`, async () => {
        const server = await target(certs[row.cert]);
        try {
          const body = `secret-body-${row.cert}-${String(trust)}`;
          const exchanges: HttpExchange[] = [];
          const client = row.caKnown ? companyCa : strangers;
          const result = await outcome(
            client.send({ endpoint: endpoint(server.url, trust), method: 'POST', path: '/orders', headers: {}, body, autoEncodeURI: true, timeoutMs: 10_000 }, (x) => exchanges.push(x)),
          );
          expect(result.code).toBe(expected);
          // The client did reach the server in every case.
          expect(server.connections()).toBeGreaterThan(0);
          if (expected === 'ok') {
            expect(server.received()).toContain(body);
            return;
          }
          // Refused after the handshake and before anything was written: the server got no byte.
          expect(server.received()).toBe('');
          const details = result.error?.details ?? {};
          const certificate = certificateDetailsSchema.parse(details.certificate);
          expect(certificate.subject).toMatch(/^CN=/);
          expect(certificate.issuer).toMatch(/^CN=/);
          expect(certificate.subjectAltNames.length).toBeGreaterThan(0);
          expect(certificate.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}T/);
          expect(certificate.validTo).toMatch(/^\d{4}-\d{2}-\d{2}T/);
          expect(certificate.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
          // The exchange is recorded with the same failure, for the Activity panel.
          expect(exchanges).toEqual([expect.objectContaining({ status: null, error: { code: expected, message: result.error?.message } })]);
        } finally {
          await server.close();
        }
      });
    }
  }

  it('reports the certificate as the Activity panel shows it', async () => {
    const server = await target(certs.expired);
    try {
      const result = await outcome(strangers.send({ endpoint: endpoint(server.url, true), method: 'GET', path: '/', headers: {}, body: null, autoEncodeURI: true, timeoutMs: 10_000 }, () => {}));
      expect(result.error?.details.certificate).toEqual({
        subject: 'CN=localhost',
        issuer: 'CN=localhost',
        subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
        validFrom: '2000-01-01T00:00:00.000Z',
        validTo: '2001-01-01T00:00:00.000Z',
        fingerprint: expect.any(String),
      });
      expect(result.error?.message).toBe('The server certificate expired on 2001-01-01T00:00:00.000Z');
    } finally {
      await server.close();
    }
  });
});
