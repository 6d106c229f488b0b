import { roleLabels, roles, type Role } from '@flowyard/engine/schemas';
import type { ComponentProps } from 'react';
import { Select } from '../ui/Field';

export type RoleSelectProps = Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'children'> & {
  value: Role;
  onChange(role: Role): void;
};

/** A select of the SPEC §9 roles, by their labels. */
export function RoleSelect({ value, onChange, ...props }: RoleSelectProps) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(event) => {
        const role = roles.find((r) => r === event.target.value);
        if (role) onChange(role);
      }}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {roleLabels[role]}
        </option>
      ))}
    </Select>
  );
}
