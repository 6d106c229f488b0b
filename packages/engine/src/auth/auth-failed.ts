import { FlowyardError } from '../errors/flowyard-error';
import type { HttpResponse } from '../http/http-types';
import type { Scrubber } from '../redaction/scrubber';
import { truncateUtf8 } from '../http/truncate';

/**
 * AUTH_FAILED for a token or login request the target refused: `details.status` and
 * `details.body` are the target's (scrubbed, body cut at 64 KiB), null without a response.
 */
export function authFailed(message: string, response: HttpResponse | null, scrubber: Scrubber, url: string): FlowyardError {
  const body = response === null ? null : truncateUtf8(scrubber.text(response.body)).text;
  return new FlowyardError('AUTH_FAILED', scrubber.text(message), { details: { url: scrubber.text(url), status: response?.status ?? null, body } });
}
