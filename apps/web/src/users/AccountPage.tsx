import { useCan, useCurrentUser } from '../auth/session-context';
import { useDocumentTitle } from '../lib/use-document-title';
import { Page, PageHeader } from '../ui/Page';
import { ApiKeysSection } from './ApiKeysSection';
import { UserSummary } from './UserSummary';

/**
 * `/account`: the signed-in user's own record and, for roles that may hold them, their API keys.
 * It is also the start page of roles that have no flows to look at.
 */
export function AccountPage() {
  useDocumentTitle('My account');
  const user = useCurrentUser();
  const ownKeys = useCan('apiKeys.own');
  const trigger = useCan('flows.trigger');
  return (
    <Page>
      <PageHeader title={user.name} description="Your account" />
      <UserSummary user={user} />
      {ownKeys ? (
        <ApiKeysSection userId={user.id} userName={user.name} />
      ) : trigger ? (
        <p className="text-sm text-zinc-600">
          Your role can start flows through their HTTP triggers with an API key. An admin creates keys for you.
        </p>
      ) : null}
    </Page>
  );
}
