import { FlowyardError, type UserView } from '@flowyard/engine';
import type { IncomingHttpHeaders } from 'node:http';
import { readApiKey } from '../api-keys/read-api-key';
import type { AppServices } from '../compose';
import { runCredentialPrefix } from './run-credentials';

type CallerServices = Pick<AppServices, 'apiKeys' | 'users' | 'runCredentials'>;

const howToAuthenticate = 'Send a Flowyard API key: Authorization: Bearer fy_…, X-API-Key: fy_…, or Basic with the key as the password';

/** The key a request carries: `X-API-Key`, else `Authorization` (Bearer, or Basic with the key as password). */
export function readCallerKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-api-key'];
  const apiKey = (Array.isArray(header) ? header[0] : header)?.trim();
  if (apiKey !== undefined && apiKey !== '') return apiKey;
  const key = readApiKey(headers);
  return key === '' ? undefined : key;
}

/**
 * Who calls Flowyard's REST API or an HTTP trigger: the user of an API key, or (where
 * `runCredentials` is true: the REST API) the user a run acts as, from the credential its
 * built-in endpoint sends. UNAUTHORIZED without a valid one; FORBIDDEN for a disabled user.
 */
export async function authenticateApiCaller(
  services: CallerServices,
  headers: IncomingHttpHeaders,
  options: { runCredentials: boolean },
): Promise<UserView | FlowyardError> {
  const key = readCallerKey(headers);
  if (key === undefined) return new FlowyardError('UNAUTHORIZED', `This needs authentication. ${howToAuthenticate}`);
  if (!key.startsWith(runCredentialPrefix)) return services.apiKeys.authenticate(key);
  if (!options.runCredentials) return new FlowyardError('UNAUTHORIZED', `Run credentials are not accepted here. ${howToAuthenticate}`);
  const holder = await services.runCredentials.verify(key);
  if (holder === undefined) return new FlowyardError('UNAUTHORIZED', 'The run credential is not valid: it ended with its run or expired');
  const user = await services.users.findById(holder.userId);
  if (user === undefined) return new FlowyardError('UNAUTHORIZED', 'The user of this run no longer exists');
  if (user.disabled) return new FlowyardError('FORBIDDEN', 'The user this run acts as is disabled');
  return user;
}
