import { can, type Permission } from '@flowyard/engine/schemas';
import { Waypoints } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useCurrentUser } from '../auth/session-context';
import { UserMenu } from '../auth/UserMenu';
import { cn } from '../lib/cn';

/** The main sections, each shown to the roles that may use it (the server refuses the others anyway). */
const sections: ReadonlyArray<{ label: string; href: string; permission: Permission; matches(path: string): boolean }> = [
  { label: 'Flows', href: '/flows', permission: 'runs.view', matches: (path) => path === '/' || path.startsWith('/flows') },
  { label: 'Activity', href: '/activity', permission: 'runs.view', matches: (path) => path === '/activity' },
  {
    label: 'Integration Builder',
    href: '/integration-builder',
    permission: 'flows.edit',
    matches: (path) => path.startsWith('/integration-builder'),
  },
  { label: 'Steps', href: '/steps', permission: 'flows.edit', matches: (path) => path === '/steps' || path.startsWith('/steps/') },
  { label: 'Users', href: '/users', permission: 'users.manage', matches: (path) => path === '/users' || path.startsWith('/users/') },
];

/** The full-height frame: top bar with the main navigation, and the page filling the rest. */
export function AppShell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const user = useCurrentUser();
  const visible = sections.filter((section) => can(user.role, section.permission));
  return (
    <div className="flex h-full flex-col bg-zinc-50 text-zinc-900 antialiased">
      <header className="flex h-12 shrink-0 items-center gap-6 border-b border-zinc-200 bg-white px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
          <span className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-white">
            <Waypoints aria-hidden className="size-4" />
          </span>
          Flowyard
        </Link>
        <nav aria-label="Main" className="flex h-full items-stretch gap-1">
          {visible.map((section) => {
            const active = section.matches(location);
            return (
              <Link
                key={section.href}
                href={section.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex items-center border-b-2 px-3 text-sm font-medium transition-colors',
                  active ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-900',
                )}
              >
                {section.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto">
          <UserMenu />
        </div>
      </header>
      <main className="min-h-0 flex-1">{children}</main>
    </div>
  );
}
