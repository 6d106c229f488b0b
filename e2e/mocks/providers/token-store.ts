/** Tokens a mock issued, with their expiry on the mock's clock. */
export class TokenStore {
  private readonly tokens = new Map<string, { expiresAt: number | null; subject: string }>();
  /** When set, every token is refused (for "a 401 never loops" tests). */
  rejectAll = false;

  constructor(private readonly now: () => number) {}

  issue(token: string, lifetimeSeconds: number | null, subject = ''): string {
    this.tokens.set(token, { expiresAt: lifetimeSeconds === null ? null : this.now() + lifetimeSeconds * 1000, subject });
    return token;
  }

  /** 'ok' for a live token this mock issued; 'expired' or 'unknown' otherwise. */
  check(token: string | null): 'ok' | 'expired' | 'unknown' {
    if (token === null || this.rejectAll) return 'unknown';
    const entry = this.tokens.get(token);
    if (entry === undefined) return 'unknown';
    return entry.expiresAt !== null && entry.expiresAt <= this.now() ? 'expired' : 'ok';
  }

  subjectOf(token: string): string | undefined {
    return this.tokens.get(token)?.subject;
  }

  /** Makes every token issued so far expired (their holders get 401 until they fetch new ones). */
  expireAll(): void {
    for (const entry of this.tokens.values()) entry.expiresAt = this.now() - 1;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }
}
