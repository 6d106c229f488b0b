import { FlowyardError } from '../../errors/flowyard-error';
import type { RunScriptOptions } from '../../script/script-types';
import type { StepEnvironment } from '../define-step';

/**
 * The host side of a script's `http.request(…).write(…)`: finds the endpoint by name in the
 * run's workflow (ENDPOINT_NOT_FOUND otherwise) and sends through the engine's HTTP client,
 * which adds the endpoint's authentication (the script never sees secrets) and reports each
 * exchange, redacted, to the step's record.
 */
export function scriptRequest(ctx: Pick<StepEnvironment, 'endpoints' | 'http' | 'exchange'>, timeoutMs: number): RunScriptOptions['request'] {
  return async (request, signal) => {
    const endpoint = await ctx.endpoints.getByName(request.endpoint);
    if (endpoint === undefined) {
      throw new FlowyardError('ENDPOINT_NOT_FOUND', `There is no endpoint named "${request.endpoint}" in this workflow`, {
        details: { endpoint: request.endpoint },
      });
    }
    const response = await ctx.http.send(
      {
        endpoint,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        autoEncodeURI: request.autoEncodeURI,
        timeoutMs,
        signal,
      },
      ctx.exchange,
    );
    // Without a reason phrase from the target, the sandbox uses the standard one for the status.
    const statusMessage = response.statusText === '' ? undefined : response.statusText;
    return { statusCode: response.status, statusMessage, headers: response.headers, body: response.body };
  };
}
