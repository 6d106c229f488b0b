import { roleLabels, type UserView } from '@flowyard/engine/schemas';
import { Badge } from '../ui/Badge';

/** Email, role and status of one user, as a description list. */
export function UserSummary({ user }: { user: UserView }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-zinc-200 bg-white px-5 py-4 text-sm">
      <dt className="text-zinc-500">Email</dt>
      <dd className="text-zinc-900">{user.email}</dd>
      <dt className="text-zinc-500">Role</dt>
      <dd className="text-zinc-900">{roleLabels[user.role]}</dd>
      <dt className="text-zinc-500">Status</dt>
      <dd>{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</dd>
    </dl>
  );
}
