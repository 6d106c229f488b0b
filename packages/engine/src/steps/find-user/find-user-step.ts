import { resolveBuiltinEndpoint, restApiPrefix, restErrorSchema, restUserListSchema } from '../../endpoint/builtin-endpoint';
import { FlowyardError } from '../../errors/flowyard-error';
import { resolveReferences } from '../../flow/references';
import { truncateUtf8 } from '../../http/truncate';
import { defineStep } from '../define-step';
import { findUserConfigSchema, findUserOutputs } from './find-user-config';

const timeoutMs = 30_000;

/**
 * The built-in Find User step (SPEC §2, §9): asks Flowyard's REST API, through the built-in
 * endpoint, for the users whose name or email contains the search text. The request carries the
 * run's credential, so the answer holds only what the run's user may see (a Standard User finds
 * only themself). Outputs `users`, `count` and `first` (null when none matched).
 */
export const findUserStep = defineStep({
  type: 'find-user',
  title: 'Find User',
  description: 'Finds Flowyard users by name or email, with the permissions of the user the run acts as.',
  kind: 'action',
  config: findUserConfigSchema,
  outputs: () => findUserOutputs,
  problems: () => [],
  endpointIds: () => [],
  templates: (config) => [{ field: 'search', label: 'Search', value: config.search }],
  inputs: (config) => ({ search: config.search }),
  async run(ctx) {
    const search = resolveReferences(ctx.config.search, ctx.scope, 'Search').trim();
    ctx.setInputs({ search });
    const endpoint = await resolveBuiltinEndpoint(ctx.endpoints);
    const response = await ctx.http.send(
      {
        endpoint,
        method: 'GET',
        path: `${restApiPrefix}/users?search=${encodeURIComponent(search)}`,
        headers: { accept: 'application/json' },
        body: null,
        autoEncodeURI: true,
        timeoutMs,
        signal: ctx.signal,
      },
      ctx.exchange,
    );
    if (response.status < 200 || response.status > 299) throw refused(response.status, response.body);
    const list = restUserListSchema.safeParse(parseJson(response.body));
    if (!list.success) {
      throw new FlowyardError('VALIDATION_FAILED', 'Flowyard answered the user search with something other than a list of users', {
        details: { status: response.status, body: truncateUtf8(response.body).text },
      });
    }
    const users = list.data.users;
    return { outputs: { users, count: users.length, first: users[0] ?? null } };
  },
});

// The API's own code when it sent one (FORBIDDEN, AUTH_FAILED…), with its status and message.
function refused(status: number, body: string): FlowyardError {
  const answer = restErrorSchema.safeParse(parseJson(body));
  const code = answer.success ? answer.data.error.code : status === 403 ? 'FORBIDDEN' : 'AUTH_FAILED';
  const reason = answer.success ? answer.data.error.message : `it answered ${status}`;
  return new FlowyardError(code, `Flowyard refused the user search: ${reason}`, { details: { status, body: truncateUtf8(body).text } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
