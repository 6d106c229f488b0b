import type { UserRow } from '@flowyard/db';
import type { UserView } from '@flowyard/engine';

/** A user as the API returns it and as every signed-in tRPC context carries it. */
export type { UserView } from '@flowyard/engine';

/** The API's view of a users row (never the password hash). */
export function userViewOf(row: UserRow): UserView {
  return { id: row.id, name: row.name, email: row.email, role: row.role, disabled: row.disabled, createdAt: row.createdAt };
}
