import { FlowyardError } from '../errors/flowyard-error';
import type { Secret } from '../redaction/secret';
import { createScrubber } from '../redaction/scrubber';
import { truncateUtf8 } from '../http/truncate';

/** The fetch Connect uses to reach providers (the server passes the global one). */
export type ConnectFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string | URLSearchParams; redirect?: 'manual'; signal?: AbortSignal }) => Promise<Response>;

/** A provider answer as Connect keeps it for error reports. */
export interface SeenAnswer {
  url: string;
  status: number;
  body: string;
}

/** Wraps `fetch` so the last answer's status and body are known when something fails. */
export function watchedFetch(fetch: ConnectFetch): { fetch: ConnectFetch; last(): SeenAnswer | null } {
  let last: SeenAnswer | null = null;
  return {
    async fetch(url, init) {
      let response: Response;
      try {
        response = await fetch(url, init);
      } catch (cause) {
        throw new FlowyardError('HTTP_CONNECT_FAILED', `Could not reach ${new URL(url).origin}: ${cause instanceof Error ? cause.message : String(cause)}`, { details: { url }, cause });
      }
      const body = await response.clone().text();
      last = { url, status: response.status, body };
      return response;
    },
    last: () => last,
  };
}

/** AUTH_FAILED for a Connect step the provider refused, with its status and (scrubbed) body. */
export function connectFailed(message: string, seen: SeenAnswer | null, secrets: readonly Secret[]): FlowyardError {
  const scrub = createScrubber(secrets).text;
  return new FlowyardError('AUTH_FAILED', scrub(message), {
    details: { url: seen?.url ?? null, status: seen?.status ?? null, body: seen === null ? null : truncateUtf8(scrub(redactTokens(seen.body))).text },
  });
}

// Token answers are shown without their tokens.
function redactTokens(body: string): string {
  return body.replace(/("(?:access_token|refresh_token|id_token)"\s*:\s*")[^"]*"/g, '$1[redacted]"');
}
