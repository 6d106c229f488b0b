import { FlowyardError } from '../errors/flowyard-error';
import type { HttpResponse } from '../http/http-types';
import { scrubSecrets } from '../http/redact';
import { truncateUtf8 } from '../http/truncate';

// Shorter values are left alone: scrubbing every "ab" would garble the body beyond use.
const MIN_SCRUB_LENGTH = 3;

/**
 * AUTH_FAILED for a token or login request the target refused: `details.status` and
 * `details.body` are the target's (secrets scrubbed, body cut at 64 KiB), null without a response.
 */
export function authFailed(message: string, response: HttpResponse | null, secrets: readonly string[], url: string): FlowyardError {
  const scrub = (text: string): string => scrubSecrets(text, secrets.filter((secret) => secret.length >= MIN_SCRUB_LENGTH));
  const body = response === null ? null : truncateUtf8(scrub(response.body)).text;
  return new FlowyardError('AUTH_FAILED', scrub(message), { details: { url, status: response?.status ?? null, body } });
}
