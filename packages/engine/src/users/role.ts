import { z } from 'zod';

/** The SPEC §9 roles, in the order the UI lists them. */
export const roles = ['admin', 'developer', 'rest', 'standard'] as const;

export const roleSchema = z.enum(roles, { error: 'Role must be one of admin, developer, rest, standard' });
export type Role = z.infer<typeof roleSchema>;

/** The names people see for each role. */
export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  developer: 'Developer',
  rest: 'REST Web Service User',
  standard: 'Standard User',
};
