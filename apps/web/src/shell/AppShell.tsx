import { useQuery } from '@tanstack/react-query';
import { Waypoints } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { cn } from '../lib/cn';
import { useTRPC } from '../lib/trpc';

const sections = [
  { label: 'Flows', href: '/flows', matches: (path: string) => path === '/' || path.startsWith('/flows') },
  {
    label: 'Integration Builder',
    href: '/integration-builder',
    matches: (path: string) => path.startsWith('/integration-builder'),
  },
  { label: 'Steps', href: '/steps', matches: (path: string) => path === '/steps' || path.startsWith('/steps/') },
] as const;

/** The full-height frame: top bar with the main navigation, and the page filling the rest. */
export function AppShell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
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
          {sections.map((section) => {
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
          <CurrentUser />
        </div>
      </header>
      <main className="min-h-0 flex-1">{children}</main>
    </div>
  );
}

function CurrentUser() {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions(undefined, { staleTime: Infinity }));
  if (!me.data) return null;
  const initials = me.data.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="flex items-center gap-2 text-sm text-zinc-600" title={me.data.email}>
      <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700">
        {initials}
      </span>
      <span className="hidden sm:inline">{me.data.name}</span>
    </div>
  );
}
