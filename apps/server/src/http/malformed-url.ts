import { FlowyardError } from '@flowyard/engine';

/** A path whose percent-encoding does not decode (`/flows/%E0%A4%A`): the caller's mistake, answered 400. */
export function malformedUrlError(): FlowyardError {
  return new FlowyardError('VALIDATION_FAILED', 'The URL is not validly percent-encoded: every % must start a %XX escape of UTF-8 bytes');
}

/** Express's router and static files report such a path as a URIError (status 400). */
export function isMalformedUrl(error: unknown): boolean {
  return error instanceof URIError;
}
