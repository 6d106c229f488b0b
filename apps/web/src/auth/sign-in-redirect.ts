/** Where the sign-in page lives; every other route needs a session. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * The sign-in link for someone who tried to open `path` (with its query): after signing in they
 * come back there.
 */
export function signInHref(path: string): string {
  const back = safeNextPath(path);
  return back === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(back)}`;
}

/**
 * The page to go to after signing in: `next` when it is a path of this app, else `/`. Anything
 * else (another origin, `//host`, a `javascript:` URL, the sign-in page itself) would let a
 * crafted link send people somewhere after they typed their password.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return next;
}
