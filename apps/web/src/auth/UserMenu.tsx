import { roleLabels } from '@flowyard/engine/schemas';
import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { Check, ChevronDown, KeyRound, LogOut } from 'lucide-react';
import { useLocation } from 'wouter';
import { setThemePreference, themePreferences, useTheme, type ThemePreference } from '../lib/theme';
import { MenuItem, MenuLabel } from '../ui/Menu';

const themeLabels: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };
import { useCan, useCurrentUser } from './session-context';
import { useSignOut } from './use-sign-out';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** The signed-in user in the top bar; its menu holds their API keys, the theme (remembered) and Sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const ownKeys = useCan('apiKeys.own');
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  const { preference } = useTheme();
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger
        aria-label="User menu"
        title={user.email}
        className="flex items-center gap-2 rounded-md px-1.5 py-1 text-sm text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700">
          {initialsOf(user.name)}
        </span>
        <span className="hidden sm:inline">{user.name}</span>
        <ChevronDown aria-hidden className="size-3.5 opacity-60" />
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
          <MenuLabel className="flex flex-col gap-0.5">
            <span className="text-sm font-medium text-zinc-900">{user.name}</span>
            <span>{user.email}</span>
            <span>{roleLabels[user.role]}</span>
          </MenuLabel>
          <RadixMenu.Separator className="my-1 h-px bg-zinc-100" />
          {ownKeys ? (
            <MenuItem onSelect={() => navigate('/account')}>
              <KeyRound aria-hidden className="size-4 text-zinc-500" />
              My API keys
            </MenuItem>
          ) : null}
          <RadixMenu.Separator className="my-1 h-px bg-zinc-100" />
          <MenuLabel>Theme</MenuLabel>
          <RadixMenu.RadioGroup
            aria-label="Theme"
            value={preference}
            onValueChange={(value) => {
              const chosen = themePreferences.find((p) => p === value);
              if (chosen) setThemePreference(chosen);
            }}
          >
            {themePreferences.map((option) => (
              <RadixMenu.RadioItem
                key={option}
                value={option}
                onSelect={(event) => event.preventDefault()}
                className="flex cursor-default items-center gap-2 rounded-md py-1.5 pr-2.5 pl-8 text-sm text-zinc-800 outline-none select-none data-[highlighted]:bg-zinc-100 relative"
              >
                <RadixMenu.ItemIndicator className="absolute left-2.5">
                  <Check aria-hidden className="size-4" />
                </RadixMenu.ItemIndicator>
                {themeLabels[option]}
              </RadixMenu.RadioItem>
            ))}
          </RadixMenu.RadioGroup>
          <RadixMenu.Separator className="my-1 h-px bg-zinc-100" />
          <MenuItem disabled={signOut.isPending} onSelect={() => signOut.mutate()}>
            <LogOut aria-hidden className="size-4 text-zinc-500" />
            Sign out
          </MenuItem>
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
