import type { UserRole } from '@flowyard/db';

/** A user as the API returns it (`me.get`) and as every tRPC context carries it. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}
