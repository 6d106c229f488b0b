import type { Response } from 'express';

/** The browser session's cookie: httpOnly, SameSite=Lax, holding a random token (the database keeps its hash). */
export const sessionCookieName = 'flowyard_session';

/** Sets or clears the session cookie of the response being built. */
export interface SessionCookieWriter {
  set(token: string): void;
  clear(): void;
}

// No Max-Age: the browser forgets the cookie when it closes, and the server's idle and
// absolute expiry decide how long the session itself lives.
function cookieHeader(value: string, secure: boolean, clear: boolean): string {
  const parts = [`${sessionCookieName}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  if (clear) parts.push('Max-Age=0');
  return parts.join('; ');
}

/** Writes Set-Cookie on an Express response; `secure` when the public URL is https. */
export function responseSessionCookie(res: Response, secure: boolean): SessionCookieWriter {
  return {
    set: (token) => void res.append('Set-Cookie', cookieHeader(token, secure, false)),
    clear: () => void res.append('Set-Cookie', cookieHeader('', secure, true)),
  };
}

/** For in-process callers: remembers the last token set (null once cleared). */
export function recordingSessionCookie(): SessionCookieWriter & { readonly token: string | null } {
  let token: string | null = null;
  return {
    get token() {
      return token;
    },
    set(value) {
      token = value;
    },
    clear() {
      token = null;
    },
  };
}

/** The session token in a Cookie header, if any. */
export function readSessionToken(cookieHeaderValue: string | undefined): string | undefined {
  if (!cookieHeaderValue) return undefined;
  for (const pair of cookieHeaderValue.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() === sessionCookieName) {
      const value = pair.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
