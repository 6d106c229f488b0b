import { describe, expect, it } from 'vitest';
import { can, permissionsOf, rolesWith } from './permissions';
import { roleLabels, roles, roleSchema } from './role';

describe('the SPEC §9 permission table', () => {
  it('gives each role exactly its permissions', () => {
    expect(Object.fromEntries(roles.map((role) => [role, permissionsOf(role)]))).toEqual({
      admin: ['flows.edit', 'runs.view', 'flows.trigger', 'users.read', 'users.manage', 'apiKeys.own', 'settings.manage'],
      developer: ['flows.edit', 'runs.view', 'flows.trigger', 'apiKeys.own'],
      rest: ['flows.trigger', 'users.read', 'apiKeys.own'],
      standard: ['flows.trigger'],
    });
    expect(can('standard', 'flows.edit')).toBe(false);
    expect(can('rest', 'users.read')).toBe(true);
  });

  it('names the roles as people see them and refuses unknown ones', () => {
    expect(roleLabels.rest).toBe('REST Web Service User');
    expect(roleSchema.safeParse('rest-user').success).toBe(false);
  });

  it('lists the roles that hold a permission, most powerful first', () => {
    expect(rolesWith('flows.edit')).toEqual(['admin', 'developer']);
    expect(rolesWith('flows.trigger')).toEqual(['admin', 'developer', 'rest', 'standard']);
    expect(rolesWith('settings.manage')).toEqual(['admin']);
  });
});
