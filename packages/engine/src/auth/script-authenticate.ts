import { FlowyardError } from '../errors/flowyard-error';
import type { RunScriptOptions } from '../script/script-types';
import type { StepEnvironment } from '../steps/define-step';

/**
 * The host side of a script's `http.authenticate(name)` (SPEC §5): finds the endpoint by name
 * and hands out its current access token (Slack, Microsoft Graph). Token requests it makes are
 * recorded, redacted, in the step's exchanges.
 */
export function scriptAuthenticate(ctx: Pick<StepEnvironment, 'endpoints' | 'http' | 'exchange'>, timeoutMs: number): NonNullable<RunScriptOptions['authenticate']> {
  return async (endpointName, signal) => {
    const endpoint = await ctx.endpoints.getByName(endpointName);
    if (endpoint === undefined) {
      throw new FlowyardError('ENDPOINT_NOT_FOUND', `There is no endpoint named "${endpointName}" in this workflow`, { details: { endpoint: endpointName } });
    }
    return ctx.http.accessToken({ endpoint, timeoutMs, signal }, ctx.exchange);
  };
}
