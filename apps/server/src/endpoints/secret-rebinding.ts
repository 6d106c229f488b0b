import type { EndpointRow } from '@flowyard/db';
import { FlowyardError, movedSecrets, unenteredSecretIssues, type EndpointUpdate } from '@flowyard/engine';
import { authView, dropConnection, type StoredAuthColumns } from './stored-auth';

/**
 * SPEC §7a, the stored auth an update may build on: `current` as it is; null when the update
 * chooses the type now (an imported endpoint's first save: nothing stored belongs to it); a Slack
 * or Graph endpoint without its connection when the base URL moves to another origin. An update
 * that would send a stored password or client secret to a new origin without it being entered
 * again is refused with VALIDATION_FAILED on each such field, before anything is written.
 */
export function storedAuthToKeep(current: EndpointRow, input: EndpointUpdate, salesforceLoginUrl: string): StoredAuthColumns | null {
  if (input.auth.type !== current.authType) return null;
  const stored = authView(current);
  const before = { baseUrl: current.baseUrl, auth: stored };
  const after = { baseUrl: input.baseUrl, auth: input.auth };
  const issues = unenteredSecretIssues(before, after, salesforceLoginUrl);
  if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((issue) => issue.message).join('; '), { issues });
  const connected = (stored.type === 'slack' || stored.type === 'msgraph') && stored.connection !== null;
  if (connected && movedSecrets(before, after, salesforceLoginUrl).includes('connection')) return dropConnection(stored.type);
  return current;
}
