import { and, apiKeys, asc, count, eq, isNull, ne, sessions, sql, users, type UserRow } from '@flowyard/db';
import { can, FlowyardError, type userCreateSchema, type userUpdateSchema } from '@flowyard/engine';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PasswordHasher } from '../auth/passwords';
import type { ServiceDeps } from '../deps';
import { emailTaken, lastAdmin, userNotFound } from './user-errors';
import { userViewOf, type UserView } from './user-view';

/** The admin created on first start; signs in with the password printed once (or FLOWYARD_ADMIN_PASSWORD). */
export const firstAdmin = { name: 'Admin', email: 'admin@localhost' } as const;

/** Search results are capped: Find User and the picker want a few matches, not the directory. */
export const maxSearchResults = 50;

/** What `ensureFirstAdmin` did: nothing, or set this password on the first admin (print it once when generated). */
export type FirstAdminOutcome = { created: false } | { created: true; email: string; password: string; generated: boolean };

const toView = userViewOf;

export function createUsersService({ db, now, newId }: ServiceDeps, passwords: PasswordHasher) {
  async function findRow(id: string): Promise<UserRow | undefined> {
    const [row] = await db.orm.select().from(users).where(eq(users.id, id));
    return row;
  }

  async function findByEmail(email: string): Promise<UserView | undefined> {
    const [row] = await db.orm.select().from(users).where(eq(users.email, email.toLowerCase()));
    return row && toView(row);
  }

  async function enabledAdminsOtherThan(id: string): Promise<number> {
    const [row] = await db.orm
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)));
    return row?.n ?? 0;
  }

  return {
    findByEmail,

    async findById(id: string): Promise<UserView | undefined> {
      const row = await findRow(id);
      return row && toView(row);
    },

    /** The user and password hash for a sign-in attempt. */
    async findForSignIn(email: string): Promise<{ user: UserView; passwordHash: string | null } | undefined> {
      const [row] = await db.orm.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row && { user: toView(row), passwordHash: row.passwordHash };
    },

    /** Everyone, by name (the Users page). */
    async list(): Promise<UserView[]> {
      const rows = await db.orm.select().from(users).orderBy(asc(sql`lower(${users.name})`), asc(users.email));
      return rows.map(toView);
    },

    async create(input: z.output<typeof userCreateSchema>): Promise<UserView> {
      const passwordHash = await passwords.hash(input.password);
      const row: UserRow = {
        id: newId(),
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        disabled: false,
        createdAt: now().toISOString(),
        updatedAt: null,
      };
      const inserted = await db.orm.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
      if (inserted.length === 0) throw emailTaken(input.email);
      return toView(row);
    },

    /**
     * Changes name, role, disabled or password. Refuses to leave Flowyard without an enabled
     * admin. Disabling or a new password ends the user's sessions; disabling also revokes their API keys.
     */
    async update(input: z.output<typeof userUpdateSchema>): Promise<UserView> {
      const passwordHash = input.password === undefined ? undefined : await passwords.hash(input.password);
      return db.exclusive(async () => {
        const row = await findRow(input.id);
        if (!row) throw userNotFound(input.id);
        const wasEnabledAdmin = row.role === 'admin' && !row.disabled;
        if (wasEnabledAdmin && (await enabledAdminsOtherThan(row.id)) === 0) {
          if (input.role !== undefined && input.role !== 'admin') throw lastAdmin('role');
          if (input.disabled === true) throw lastAdmin('disabled');
        }
        const changes = {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
          updatedAt: now().toISOString(),
        };
        const [updated] = await db.orm.update(users).set(changes).where(eq(users.id, row.id)).returning();
        if (!updated) throw userNotFound(input.id);
        if (input.disabled === true || passwordHash !== undefined) await db.orm.delete(sessions).where(eq(sessions.userId, row.id));
        // Disabling revokes the keys for good: enabling the user again must not bring back keys
        // that were handed out before (README: "ends their sessions and API keys at once").
        if (input.disabled === true && !row.disabled) {
          await db.orm
            .update(apiKeys)
            .set({ revokedAt: changes.updatedAt })
            .where(and(eq(apiKeys.userId, row.id), isNull(apiKeys.revokedAt)));
        }
        return toView(updated);
      });
    },

    /**
     * Users whose name or email contains `text` (case-insensitive), as `actor` may see them:
     * with users.read everyone, otherwise only `actor` themself.
     */
    async searchAs(actor: UserView, text: string): Promise<UserView[]> {
      const needle = text.trim().toLowerCase();
      const matches = needle === '' ? sql`1 = 1` : sql`(instr(lower(${users.name}), ${needle}) > 0 or instr(${users.email}, ${needle}) > 0)`;
      const visible = can(actor.role, 'users.read') ? matches : and(matches, eq(users.id, actor.id));
      const rows = await db.orm
        .select()
        .from(users)
        .where(visible)
        .orderBy(asc(sql`lower(${users.name})`), asc(users.email))
        .limit(maxSearchResults);
      return rows.map(toView);
    },

    /** One user, if `actor` may see them (users.read, or themself); FORBIDDEN otherwise, NOT_FOUND when missing. */
    async getAs(actor: UserView, id: string): Promise<UserView> {
      if (id !== actor.id && !can(actor.role, 'users.read')) {
        throw new FlowyardError('FORBIDDEN', 'You may only read your own user record', { details: { permission: 'users.read' } });
      }
      const row = await findRow(id);
      if (!row) throw userNotFound(id);
      return toView(row);
    },

    /**
     * First start: creates admin@localhost when there are no users yet, with `password` or a
     * random one. Also gives a password to an admin left from before sign-in existed. Idempotent.
     */
    async ensureFirstAdmin(password: string | undefined): Promise<FirstAdminOutcome> {
      return db.exclusive(async () => {
        const [existing] = await db.orm.select().from(users).where(eq(users.email, firstAdmin.email));
        const [any] = await db.orm.select({ id: users.id }).from(users).limit(1);
        const needsPassword = existing ? existing.passwordHash === null : any === undefined;
        if (!needsPassword) return { created: false };
        const chosen = password ?? randomBytes(18).toString('base64url');
        const passwordHash = await passwords.hash(chosen);
        if (existing) {
          await db.orm.update(users).set({ passwordHash, updatedAt: now().toISOString() }).where(eq(users.id, existing.id));
        } else {
          await db.orm.insert(users).values({
            id: newId(),
            name: firstAdmin.name,
            email: firstAdmin.email,
            role: 'admin',
            passwordHash,
            disabled: false,
            createdAt: now().toISOString(),
            updatedAt: null,
          });
        }
        return { created: true, email: firstAdmin.email, password: chosen, generated: password === undefined };
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
