import type { AuthType, Json } from '@flowyard/engine';
import { boolean, json, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { workflows } from './workflows';

/** PostgreSQL twin of `sqlite/schema/endpoints.ts` (see the comments there). */
export const endpoints = pgTable(
  'endpoints',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    baseUrl: text('base_url').notNull(),
    trustSelfSigned: boolean('trust_self_signed').notNull().default(false),
    authType: text('auth_type').$type<AuthType>().notNull(),
    authConfig: json('auth_config').$type<{ [key: string]: Json }>().notNull(),
    secrets: text('secrets'),
    needsCredentials: boolean('needs_credentials').notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('endpoints_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);
