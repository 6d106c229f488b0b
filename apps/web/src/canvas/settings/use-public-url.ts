/**
 * The address callers reach this server at (FLOWYARD_PUBLIC_URL). Until the server says, the
 * browser's own origin is the best guess: it is how this page was reached.
 */
export function usePublicUrl(): string {
  return window.location.origin;
}
