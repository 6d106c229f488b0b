import { checkServerIdentity, rootCertificates, TLSSocket, type PeerCertificate } from 'node:tls';
import { buildConnector } from 'undici';
import type { CertificateDetails } from './certificate-details';

export type { CertificateDetails } from './certificate-details';

/** A TLS verification failure with the certificate that caused it; `code` uses Node's verify codes. */
export class TlsVerifyError extends Error {
  readonly code: string;
  readonly certificate: CertificateDetails | null;

  constructor(code: string, message: string, certificate: CertificateDetails | null) {
    super(message);
    this.name = 'TlsVerifyError';
    this.code = code;
    this.certificate = certificate;
  }
}

// Chain problems a self-signed or privately issued certificate has by nature; "trust self-signed" accepts these.
const chainTrustCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

/**
 * A connector that completes the TLS handshake without Node's built-in rejection and
 * then verifies the peer itself, so failures carry the certificate's details. Nothing is
 * written to the socket before verification passes. With `trustSelfSigned`, an untrusted
 * chain is accepted but the host name and validity period are still enforced (SPEC §2).
 */
export function verifyingConnector(trustSelfSigned: boolean, now: () => Date, extraCaCertificates: readonly string[] = []): buildConnector.connector {
  const connect = buildConnector({
    rejectUnauthorized: false,
    maxCachedSessions: trustSelfSigned ? 0 : 100,
    // Extra CAs are added to Node's bundled roots, not instead of them.
    ...(extraCaCertificates.length > 0 ? { ca: [...rootCertificates, ...extraCaCertificates] } : {}),
  });
  return (options, callback) => {
    connect(options, (error, socket) => {
      if (error !== null) return callback(error, null);
      if (!(socket instanceof TLSSocket)) return callback(null, socket);
      const tlsSocket = socket;
      const problem = verifyPeer(tlsSocket, options.servername || options.hostname, trustSelfSigned, now());
      if (problem === null) return callback(null, socket);
      tlsSocket.destroy();
      callback(problem, null);
    });
  };
}

function verifyPeer(socket: TLSSocket, hostname: string, trustSelfSigned: boolean, now: Date): TlsVerifyError | null {
  const cert = socket.getPeerCertificate();
  const details = cert && Object.keys(cert).length > 0 ? certificateDetails(cert) : null;
  if (details === null) return new TlsVerifyError('CERT_UNTRUSTED', 'The server presented no certificate', null);

  if (socket.authorized) return null;
  const reason = socket.authorizationError === null ? 'CERT_UNTRUSTED' : String(socket.authorizationError);
  if (!trustSelfSigned || !chainTrustCodes.has(reason)) {
    return new TlsVerifyError(reason, tlsReasonMessage(reason, details), details);
  }
  // Node skips the host name check when the chain fails, so with an accepted chain problem both checks are ours.
  if (now < new Date(cert.valid_from)) {
    return new TlsVerifyError('CERT_NOT_YET_VALID', tlsReasonMessage('CERT_NOT_YET_VALID', details), details);
  }
  if (now > new Date(cert.valid_to)) {
    return new TlsVerifyError('CERT_HAS_EXPIRED', tlsReasonMessage('CERT_HAS_EXPIRED', details), details);
  }
  const identity = checkServerIdentity(hostname, cert);
  if (identity !== undefined) {
    return new TlsVerifyError('ERR_TLS_CERT_ALTNAME_INVALID', identity.message, details);
  }
  return null;
}

// The same wording whether OpenSSL or our own trust-self-signed checks found the problem.
function tlsReasonMessage(reason: string, details: CertificateDetails): string {
  switch (reason) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'The server certificate is self-signed and not trusted (turn on "Trust self-signed certificates" to accept it)';
    case 'CERT_HAS_EXPIRED':
      return `The server certificate expired on ${details.validTo}`;
    case 'CERT_NOT_YET_VALID':
      return `The server certificate is not valid before ${details.validFrom}`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return "The server certificate does not match the endpoint's host name";
    default:
      return `The server certificate is not trusted (${reason})`;
  }
}

function certificateDetails(cert: PeerCertificate): CertificateDetails {
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
    subjectAltNames: subjectAltNames(cert.subjectaltname),
    fingerprint: cert.fingerprint256,
  };
}

// Node joins the names with ", "; a name itself never contains that sequence in practice.
function subjectAltNames(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(', ')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function isoDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
