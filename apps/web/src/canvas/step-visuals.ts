import type { FlowNodeType } from '@flowyard/engine/schemas';
import { Globe, Play, Puzzle, Split, UserSearch, Webhook, type LucideIcon } from 'lucide-react';
import { customStepTile } from '../steps/custom-step-icons';

export interface StepVisual {
  /** What the palette and the node call this kind of step. */
  label: string;
  description: string;
  icon: LucideIcon;
  /** Tailwind classes for the icon tile. */
  tile: string;
}

/**
 * How each step type looks on the palette and the canvas. A custom step instance shows its
 * definition's name and icon instead; this entry is the fallback when the definition is missing.
 */
export const stepVisuals: Record<FlowNodeType, StepVisual> = {
  'manual-trigger': {
    label: 'Manual Trigger',
    description: 'Starts the flow from the Run button',
    icon: Play,
    tile: 'bg-emerald-50 text-emerald-600 ring-emerald-200',
  },
  'http-trigger': {
    label: 'HTTP Trigger',
    description: 'Starts the flow when its URL is called with an API key',
    icon: Webhook,
    tile: 'bg-teal-50 text-teal-600 ring-teal-200',
  },
  'http-request': {
    label: 'HTTP Request',
    description: 'Calls an endpoint',
    icon: Globe,
    tile: 'bg-indigo-50 text-indigo-600 ring-indigo-200',
  },
  switch: {
    label: 'Switch',
    description: 'Follows the branch whose case matches',
    icon: Split,
    tile: 'bg-amber-50 text-amber-600 ring-amber-200',
  },
  'find-user': {
    label: 'Find User',
    description: 'Looks up users by name or email, as the run’s user',
    icon: UserSearch,
    tile: 'bg-sky-50 text-sky-600 ring-sky-200',
  },
  'custom-step': {
    label: 'Custom step',
    description: 'A step from the Steps library',
    icon: Puzzle,
    tile: customStepTile,
  },
};

/** Step types the palette offers on their own (custom steps are listed per definition). */
export type BuiltInStepType = Exclude<FlowNodeType, 'custom-step'>;

/** The order built-in steps appear in the palette. */
export const paletteOrder: readonly BuiltInStepType[] = ['manual-trigger', 'http-trigger', 'http-request', 'switch', 'find-user'];
