import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../lib/cn';
import { Button, type ButtonVariant } from './Button';

export interface MenuProps {
  /** The trigger button's text (and accessible name). */
  label: string;
  icon?: ReactNode;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  align?: 'start' | 'end';
  children: ReactNode;
}

/** A drop-down menu opened by a labelled button. */
export function Menu({ label, icon, variant = 'secondary', size = 'md', align = 'start', children }: MenuProps) {
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>
        <Button variant={variant} size={size} icon={icon}>
          {label}
          <ChevronDown aria-hidden className="size-3.5 opacity-60" />
        </Button>
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          align={align}
          sideOffset={4}
          className="z-50 min-w-44 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export function MenuItem({ className, ...props }: ComponentProps<typeof RadixMenu.Item>) {
  return (
    <RadixMenu.Item
      className={cn(
        'flex cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-800 outline-none select-none',
        'data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100',
        className,
      )}
      {...props}
    />
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof RadixMenu.Label>) {
  return <RadixMenu.Label className={cn('px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500', className)} {...props} />;
}
