import { permissions, roleLabels, roleSchema, rolesWith } from '@flowyard/engine/schemas';
import { z } from 'zod';

const forbiddenDetailsSchema = z.object({ permission: z.enum(permissions), role: roleSchema });

/**
 * What a FORBIDDEN answer tells a person: which roles may do it and which one they have, instead
 * of the internal permission name. Null when the details do not say (the server's message stays).
 */
export function forbiddenMessage(details: Record<string, unknown>): string | null {
  const parsed = forbiddenDetailsSchema.safeParse(details);
  if (!parsed.success) return null;
  const needed = rolesWith(parsed.data.permission).map((role) => roleLabels[role]);
  return `You cannot do this as a ${roleLabels[parsed.data.role]}: it needs the ${listOf(needed)} role. Ask an admin if you need it.`;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}
