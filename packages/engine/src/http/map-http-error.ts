import type { ErrorCode } from '../errors/error-code';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import { TlsVerifyError } from './tls-check';

const connectCodes: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  ENOTFOUND: 'Host name could not be resolved',
  EAI_AGAIN: 'Host name could not be resolved (DNS lookup timed out)',
  EAI_FAIL: 'Host name could not be resolved',
  ECONNRESET: 'Connection was reset by the server',
  EPIPE: 'Connection was closed by the server',
  EHOSTUNREACH: 'Host is unreachable',
  ENETUNREACH: 'Network is unreachable',
  EADDRNOTAVAIL: 'Address is not available',
  UND_ERR_SOCKET: 'Connection was closed by the server',
  UND_ERR_CLOSED: 'Connection was closed',
  UND_ERR_DESTROYED: 'Connection was closed',
};

const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const tlsCodes: Record<string, ErrorCode> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNTRUSTED_CERT',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNTRUSTED_CERT',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNTRUSTED_CERT',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED_CERT',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNTRUSTED_CERT',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED_CERT',
  CERT_REJECTED: 'TLS_UNTRUSTED_CERT',
  CERT_SIGNATURE_FAILURE: 'TLS_UNTRUSTED_CERT',
  CERT_REVOKED: 'TLS_UNTRUSTED_CERT',
  INVALID_CA: 'TLS_UNTRUSTED_CERT',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  HOSTNAME_MISMATCH: 'TLS_HOSTNAME_MISMATCH',
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_EXPIRED',
};

/** Turns whatever undici or Node threw for a request into a FlowyardError with a SPEC §7 code. */
export function mapHttpError(error: unknown, url: string): FlowyardError {
  if (isFlowyardError(error)) return error;
  const chain = errorChain(error);
  const details = { url };

  for (const item of chain) {
    if (item instanceof TlsVerifyError) {
      return new FlowyardError(tlsCodes[item.code] ?? 'TLS_UNTRUSTED_CERT', item.message, {
        details: { ...details, tlsCode: item.code, certificate: item.certificate },
        cause: error,
      });
    }
  }
  for (const item of chain) {
    const code = codeOf(item);
    if (code === undefined) continue;
    const tls = tlsCodes[code];
    if (tls !== undefined) return new FlowyardError(tls, `TLS verification failed: ${messageOf(item)}`, { details: { ...details, tlsCode: code }, cause: error });
    if (timeoutCodes.has(code)) return new FlowyardError('HTTP_TIMEOUT', `Timed out talking to ${url}`, { details: { ...details, cause: code }, cause: error });
    const connect = connectCodes[code];
    if (connect !== undefined) return new FlowyardError('HTTP_CONNECT_FAILED', `${connect}: ${url}`, { details: { ...details, cause: code }, cause: error });
    if (code.startsWith('HPE_')) {
      return new FlowyardError('HTTP_CONNECT_FAILED', `The server sent an invalid HTTP response (${messageOf(item)})`, { details: { ...details, cause: code }, cause: error });
    }
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
      return new FlowyardError('HTTP_CONNECT_FAILED', `TLS handshake failed: ${messageOf(item)}`, { details: { ...details, cause: code }, cause: error });
    }
    if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED') {
      return new FlowyardError('VALIDATION_FAILED', `Invalid request: ${messageOf(item)}`, { details, cause: error });
    }
  }
  const first = chain[0];
  return new FlowyardError('HTTP_CONNECT_FAILED', `Request to ${url} failed: ${first === undefined ? String(error) : messageOf(first)}`, {
    details,
    cause: error,
  });
}

// Undici wraps socket errors; Node's happy-eyeballs connect reports an AggregateError.
function errorChain(error: unknown): Error[] {
  const out: Error[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 20) {
    const item = queue.shift();
    if (!(item instanceof Error) || out.includes(item)) continue;
    out.push(item);
    if (item.cause !== undefined) queue.push(item.cause);
    if (item instanceof AggregateError) queue.push(...item.errors);
  }
  return out;
}

function codeOf(error: Error): string | undefined {
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: Error): string {
  return error.message || codeOf(error) || error.name;
}
