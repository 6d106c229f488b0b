import type { UserRow } from '@flowyard/db';
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

export function createUsersService({ store, now, newId }: ServiceDeps, passwords: PasswordHasher) {
  async function findByEmail(email: string): Promise<UserView | undefined> {
    const row = await store.repos.users.findByEmail(email.toLowerCase());
    return row && toView(row);
  }

  return {
    findByEmail,

    async findById(id: string): Promise<UserView | undefined> {
      const row = await store.repos.users.get(id);
      return row && toView(row);
    },

    /** The user and password hash for a sign-in attempt. */
    async findForSignIn(email: string): Promise<{ user: UserView; passwordHash: string | null } | undefined> {
      const row = await store.repos.users.findByEmail(email.toLowerCase());
      return row && { user: toView(row), passwordHash: row.passwordHash };
    },

    /** Everyone, by name (the Users page). */
    async list(): Promise<UserView[]> {
      return (await store.repos.users.list()).map(toView);
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
      if (!(await store.repos.users.insertIfEmailFree(row))) throw emailTaken(input.email);
      return toView(row);
    },

    /**
     * Changes name, role, disabled or password. Refuses to leave Flowyard without an enabled
     * admin. Disabling or a new password ends the user's sessions; disabling also revokes their API keys.
     */
    async update(input: z.output<typeof userUpdateSchema>): Promise<UserView> {
      const passwordHash = input.password === undefined ? undefined : await passwords.hash(input.password);
      return store.unitOfWork(async (tx) => {
        const row = await tx.repos.users.get(input.id);
        if (!row) throw userNotFound(input.id);
        const wasEnabledAdmin = row.role === 'admin' && !row.disabled;
        if (wasEnabledAdmin && (await tx.repos.users.countEnabledAdminsOtherThan(row.id)) === 0) {
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
        await tx.repos.users.update(row.id, changes);
        if (input.disabled === true || passwordHash !== undefined) await tx.repos.sessions.deleteForUser(row.id);
        // Disabling revokes the keys for good: enabling the user again must not bring back keys
        // that were handed out before (README: "ends their sessions and API keys at once").
        if (input.disabled === true && !row.disabled) await tx.repos.apiKeys.revokeAllOf(row.id, changes.updatedAt);
        // Units serialise writers, so the row read above is the row the update changed.
        return toView({ ...row, ...changes });
      });
    },

    /**
     * Users whose name or email contains `text` (case-insensitive), as `actor` may see them:
     * with users.read everyone, otherwise only `actor` themself.
     */
    async searchAs(actor: UserView, text: string): Promise<UserView[]> {
      const needle = text.trim().toLowerCase();
      const rows = await store.repos.users.search(needle, { limit: maxSearchResults, ...(can(actor.role, 'users.read') ? {} : { onlyId: actor.id }) });
      return rows.map(toView);
    },

    /** One user, if `actor` may see them (users.read, or themself); FORBIDDEN otherwise, NOT_FOUND when missing. */
    async getAs(actor: UserView, id: string): Promise<UserView> {
      if (id !== actor.id && !can(actor.role, 'users.read')) {
        throw new FlowyardError('FORBIDDEN', 'You may only read your own user record', { details: { permission: 'users.read' } });
      }
      const row = await store.repos.users.get(id);
      if (!row) throw userNotFound(id);
      return toView(row);
    },

    /**
     * First start: creates admin@localhost when there are no users yet, with `password` or a
     * random one. Also gives a password to an admin left from before sign-in existed. Idempotent.
     */
    async ensureFirstAdmin(password: string | undefined): Promise<FirstAdminOutcome> {
      return store.unitOfWork(async (tx) => {
        const existing = await tx.repos.users.findByEmail(firstAdmin.email);
        const needsPassword = existing ? existing.passwordHash === null : !(await tx.repos.users.any());
        if (!needsPassword) return { created: false };
        const chosen = password ?? randomBytes(18).toString('base64url');
        const passwordHash = await passwords.hash(chosen);
        if (existing) {
          await tx.repos.users.update(existing.id, { passwordHash, updatedAt: now().toISOString() });
        } else {
          await tx.repos.users.insert({
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
