import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { FlowyardError } from '../errors/flowyard-error';
import { userViewSchema } from '../users/user';
import type { EndpointResolver, ResolvedEndpoint } from './endpoint';

/** The name of the endpoint every workflow has (SPEC §2); it cannot be renamed or deleted. */
export const builtinEndpointName = 'Flowyard';

/** The public REST API's root under the server's public URL (the built-in endpoint's base URL). */
export const restApiPrefix = '/api/v1';

/** True for the built-in Flowyard endpoint: the only endpoint with `flowyard` authentication. */
export function isBuiltinEndpoint(endpoint: { auth: { type: string } }): boolean {
  return endpoint.auth.type === 'flowyard';
}

/**
 * The run's built-in Flowyard endpoint, carrying the run's credential. ENDPOINT_NOT_FOUND when the
 * workflow has none (the server creates it at start, so only a broken store lands there).
 */
export async function resolveBuiltinEndpoint(endpoints: EndpointResolver): Promise<ResolvedEndpoint> {
  const endpoint = await endpoints.getByName(builtinEndpointName);
  if (endpoint === undefined || !isBuiltinEndpoint(endpoint)) {
    throw new FlowyardError('ENDPOINT_NOT_FOUND', `This workflow has no built-in ${builtinEndpointName} endpoint; restart the server to recreate it`, {
      details: { endpoint: builtinEndpointName },
    });
  }
  return endpoint;
}

/** `GET /api/v1/users?search=…`: the users the caller may see whose name or email contains the text. */
export const restUserListSchema = z.object({ users: z.array(userViewSchema) });
export type RestUserList = z.infer<typeof restUserListSchema>;

/** Every error of the REST API (and of HTTP triggers): a SPEC §7 code and a message. */
export const restErrorSchema = z.object({ error: z.object({ code: errorCodeSchema, message: z.string() }) });
export type RestError = z.infer<typeof restErrorSchema>;
