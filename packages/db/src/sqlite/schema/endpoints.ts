import type { AuthType, Json } from '@flowyard/engine';
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { workflows } from './workflows';

export const endpoints = sqliteTable(
  'endpoints',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** endpointNameKey(name): uniqueness is case-insensitive (SPEC §2), enforced by the index below. */
    nameKey: text('name_key').notNull(),
    baseUrl: text('base_url').notNull(),
    trustSelfSigned: integer('trust_self_signed', { mode: 'boolean' }).notNull().default(false),
    authType: text('auth_type').$type<AuthType>().notNull(),
    /** Non-secret auth fields (e.g. username, preemptive) as JSON. */
    authConfig: text('auth_config', { mode: 'json' }).$type<{ [key: string]: Json }>().notNull(),
    /** Secret auth fields, AES-256-GCM encrypted by the server; null when the auth type has none. */
    secrets: text('secrets'),
    /** Set on endpoints created by an import (which carries no credentials); cleared by the next save. */
    needsCredentials: integer('needs_credentials', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('endpoints_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);

export type EndpointRow = typeof endpoints.$inferSelect;
