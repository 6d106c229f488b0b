import { Link, useParams } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { Page, PageHeader } from '../ui/Page';
import { ApiKeysSection } from './ApiKeysSection';
import { useUser } from './use-users';
import { UserSummary } from './UserSummary';

/** `/users/:id` (admins): one user and their API keys. */
export function UserPage() {
  const { id = '' } = useParams<{ id: string }>();
  const canManage = useCan('users.manage');
  const user = useUser(canManage ? id : undefined);
  useDocumentTitle(user.data?.name ?? 'User');
  const breadcrumb = (
    <Link href="/users" className="hover:text-zinc-900 hover:underline">
      Users
    </Link>
  );

  if (!canManage) {
    return (
      <Page>
        <PageHeader title="User" breadcrumb={breadcrumb} />
        <p role="alert" className="text-sm text-zinc-600">
          Only admins manage users.
        </p>
      </Page>
    );
  }
  if (user.error || !user.data) {
    return (
      <Page>
        <PageHeader title="User" breadcrumb={breadcrumb} />
        {user.error ? (
          <p role="alert" className="text-sm text-red-600">
            {readApiError(user.error).code === 'NOT_FOUND' ? 'This user does not exist.' : readApiError(user.error).message}
          </p>
        ) : (
          <p className="text-sm text-zinc-500">Loading…</p>
        )}
      </Page>
    );
  }
  return (
    <Page>
      <PageHeader title={user.data.name} breadcrumb={breadcrumb} description="Change the role or disable the user on the Users page." />
      <UserSummary user={user.data} />
      <ApiKeysSection userId={user.data.id} userName={user.data.name} />
    </Page>
  );
}
