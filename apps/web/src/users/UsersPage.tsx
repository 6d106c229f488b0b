import { Plus, Users } from 'lucide-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { NewUserDialog } from './NewUserDialog';
import { UserTable } from './UserTable';
import { useUsers } from './use-users';

/** `/users` (admins): everyone who can sign in or call triggers, their roles and status. */
export function UsersPage() {
  useDocumentTitle('Users');
  const canManage = useCan('users.manage');
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();

  if (!canManage) {
    return (
      <Page>
        <PageHeader title="Users" />
        <p role="alert" className="text-sm text-zinc-600">
          Only admins manage users.
        </p>
      </Page>
    );
  }

  return (
    <Page>
      <PageHeader
        title="Users"
        description="People who sign in, and service accounts that call HTTP triggers with an API key."
        actions={
          <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={() => setCreating(true)}>
            New User
          </Button>
        }
      />
      {users.error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(users.error).message}
        </p>
      ) : !users.data ? (
        <p className="text-sm text-zinc-500">Loading users…</p>
      ) : users.data.length === 0 ? (
        <EmptyState icon={<Users aria-hidden className="size-8" />} title="No users yet" />
      ) : (
        <UserTable users={users.data} />
      )}
      <NewUserDialog open={creating} onOpenChange={setCreating} onCreated={(user) => navigate(`/users/${encodeURIComponent(user.id)}`)} />
    </Page>
  );
}
