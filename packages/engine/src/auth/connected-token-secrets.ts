import type { ConnectedTokens } from '../endpoint/auth';

/** The tokens a Connect stored (Slack, Microsoft Graph): both are secrets. */
export function connectedTokenSecrets(tokens: ConnectedTokens | null): string[] {
  if (tokens === null) return [];
  return tokens.refreshToken === null ? [tokens.accessToken] : [tokens.accessToken, tokens.refreshToken];
}
