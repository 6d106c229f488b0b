import { roles, type Role } from './role';

/**
 * What a role may do (SPEC §9). Reading and signing out oneself needs none of these.
 * - `flows.edit`: flows, endpoints, custom steps, constants, libraries, export/import, runs from the canvas
 * - `runs.view`: run history and the Activity panel
 * - `flows.trigger`: start flows through HTTP triggers
 * - `users.read`: search and read any user
 * - `users.manage`: create users, change roles, disable, manage anyone's API keys
 * - `apiKeys.own`: create and revoke one's own API keys
 * - `settings.manage`: server settings, such as how long run records are kept
 */
export const permissions = ['flows.edit', 'runs.view', 'flows.trigger', 'users.read', 'users.manage', 'apiKeys.own', 'settings.manage'] as const;
export type Permission = (typeof permissions)[number];

const granted: Record<Role, readonly Permission[]> = {
  admin: permissions,
  developer: ['flows.edit', 'runs.view', 'flows.trigger', 'apiKeys.own'],
  rest: ['flows.trigger', 'users.read', 'apiKeys.own'],
  standard: ['flows.trigger'],
};

/** True when `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}

/** Every permission `role` holds, in table order. */
export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}

/** The roles that hold `permission`, most powerful first (to tell a refused person which role would do). */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => can(role, permission));
}
