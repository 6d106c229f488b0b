import type { ResolvedAuth } from '../endpoint/auth';
import type { AuthStrategy } from './auth-strategy';
import { connectedTokenSecrets } from './connected-token-secrets';

type SlackAuth = Extract<ResolvedAuth, { type: 'slack' }>;

/**
 * SPEC §3 Slack: nothing is added to requests. A script asks for the token with
 * `http.authenticate('<endpoint name>')` and puts it where Slack wants it; the token is
 * still scrubbed from the exchanges wherever the script put it.
 */
export const slackAuth: AuthStrategy<SlackAuth> = {
  type: 'slack',
  secrets: (auth) => connectedTokenSecrets(auth.tokens),
  send: (_auth, attempt) => attempt({}),
};
