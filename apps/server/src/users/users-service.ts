import { eq, users } from '@flowyard/db';
import type { ServiceDeps } from '../deps';
import type { UserView } from './user-view';

/** The user created on first start, until sign-in exists (a later issue). */
export const localAdmin = { name: 'Local Admin', email: 'admin@localhost' } as const;

export function createUsersService({ db, now, newId }: ServiceDeps) {
  const toView = (row: typeof users.$inferSelect): UserView => ({ id: row.id, name: row.name, email: row.email, role: row.role });

  async function findByEmail(email: string): Promise<UserView | undefined> {
    const [row] = await db.orm.select().from(users).where(eq(users.email, email));
    return row && toView(row);
  }

  return {
    findByEmail,

    /** Creates the local admin if it does not exist yet; idempotent. */
    async ensureLocalAdmin(): Promise<UserView> {
      await db.orm
        .insert(users)
        .values({ id: newId(), name: localAdmin.name, email: localAdmin.email, role: 'admin', createdAt: now().toISOString() })
        .onConflictDoNothing({ target: users.email });
      const admin = await findByEmail(localAdmin.email);
      if (!admin) throw new Error('The local admin user could not be created');
      return admin;
    },

    async findById(id: string): Promise<UserView | undefined> {
      const [row] = await db.orm.select().from(users).where(eq(users.id, id));
      return row && toView(row);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
