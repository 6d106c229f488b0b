import type { UserView } from '@flowyard/engine/schemas';
import { Link } from 'wouter';
import { useCurrentUser } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { RoleSelect } from './RoleSelect';
import { useUpdateUser } from './use-update-user';

/** Users with their role (changeable) and status (Disable / Enable); the name opens the user's page. */
export function UserTable({ users }: { users: readonly UserView[] }) {
  const me = useCurrentUser();
  const { update, error, pending, variables } = useUpdateUser();
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {readApiError(error).message}
        </p>
      ) : null}
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <table aria-label="Users" className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Email
              </th>
              <th scope="col" className="w-68 px-4 py-2">
                Role
              </th>
              <th scope="col" className="w-24 px-4 py-2">
                Status
              </th>
              <th scope="col" className="w-28 px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {users.map((user) => {
              const self = user.id === me.id;
              const busy = pending && variables?.id === user.id;
              return (
                <tr key={user.id} className="hover:bg-zinc-50">
                  <th scope="row" className="px-4 py-2.5 font-medium">
                    <Link href={`/users/${encodeURIComponent(user.id)}`} className="text-zinc-900 hover:text-indigo-700 hover:underline">
                      {user.name}
                    </Link>
                    {self ? (
                      <Badge tone="accent" className="ml-2">
                        You
                      </Badge>
                    ) : null}
                  </th>
                  <td className="px-4 py-2.5 text-zinc-600">{user.email}</td>
                  <td className="px-4 py-1.5">
                    <RoleSelect
                      aria-label={`Role of ${user.name}`}
                      // Admins keep their own role, so that nobody locks the last admin out by accident.
                      disabled={self || busy}
                      title={self ? 'You cannot change your own role' : undefined}
                      value={user.role}
                      onChange={(role) => update({ id: user.id, role })}
                    />
                  </td>
                  <td className="px-4 py-2.5">{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
                  <td className="px-4 py-1.5 text-right">
                    {self ? null : (
                      <Button
                        size="sm"
                        variant={user.disabled ? 'secondary' : 'ghost'}
                        disabled={busy}
                        onClick={() => update({ id: user.id, disabled: !user.disabled })}
                      >
                        {user.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
