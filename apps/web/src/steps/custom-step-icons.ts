import type { customStepIcons } from '@flowyard/engine/schemas';
import { Bell, Cloud, Code, Database, FileText, Globe, Mail, MessageSquare, User, Zap, type LucideIcon } from 'lucide-react';

export type CustomStepIcon = (typeof customStepIcons)[number];

/** The lucide icon drawn for each icon name a custom step may choose. */
export const customStepIconComponents: Record<CustomStepIcon, LucideIcon> = {
  code: Code,
  globe: Globe,
  database: Database,
  mail: Mail,
  'message-square': MessageSquare,
  bell: Bell,
  user: User,
  zap: Zap,
  cloud: Cloud,
  'file-text': FileText,
};

/** How an icon name reads in the icon picker ("message-square" → "Message square"). */
export function iconLabel(icon: CustomStepIcon): string {
  const words = icon.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Tailwind classes for a custom step's icon tile (one look for all custom steps). */
export const customStepTile = 'bg-violet-50 text-violet-600 ring-violet-200';
