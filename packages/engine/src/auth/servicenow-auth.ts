import type { ResolvedAuth } from '../endpoint/auth';
import type { AuthStrategy } from './auth-strategy';
import { basicPair } from '../redaction/secret';
import { basicAuth } from './basic-auth';

type ServiceNowAuth = Extract<ResolvedAuth, { type: 'servicenow' }>;

/** The instance path Test Authentication reads: the signed-in user's own record. */
export function serviceNowTestPath(username: string): string {
  return `/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=user_name,name&sysparm_query=${encodeURIComponent(`user_name=${username}`)}`;
}

/** SPEC §3 ServiceNow: preemptive Basic against the instance at the base URL. */
export const serviceNowAuth: AuthStrategy<ServiceNowAuth> = {
  type: 'servicenow',
  secrets: (auth) => [auth.password, basicPair(auth.username, auth.password)],
  send: (auth, attempt, ctx) => basicAuth.send({ type: 'basic', username: auth.username, password: auth.password, preemptive: true }, attempt, ctx),
};
