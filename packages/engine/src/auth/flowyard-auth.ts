import type { ResolvedAuth } from '../endpoint/auth';
import { FlowyardError } from '../errors/flowyard-error';
import type { AuthStrategy } from './auth-strategy';

type FlowyardAuth = Extract<ResolvedAuth, { type: 'flowyard' }>;

/**
 * SPEC §2 built-in endpoint: requests carry the run's credential as a Bearer token, so
 * Flowyard's API answers with exactly the permissions of the user the run acts as. Outside
 * a run there is no credential, and the request is refused before it goes out.
 */
export const flowyardAuth: AuthStrategy<FlowyardAuth> = {
  type: 'flowyard',
  secrets: (auth) => (auth.token === null ? [] : [auth.token]),
  send(auth, attempt, ctx) {
    if (auth.token === null) {
      throw new FlowyardError('AUTH_FAILED', `The ${ctx.endpoint.name} endpoint authenticates as the user who started a run; it can be used only inside a run`, {
        details: { endpoint: ctx.endpoint.name },
      });
    }
    return attempt({ authorization: `Bearer ${auth.token}` });
  },
};
