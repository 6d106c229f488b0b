import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** SPEC §9 roles; sign-in and permissions arrive in a later issue. */
export const userRoles = ['admin', 'developer', 'rest-user', 'standard'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export type UserRow = typeof users.$inferSelect;
