import type { FlowNodeType } from '@flowyard/engine/schemas';
import { Globe, Play, type LucideIcon } from 'lucide-react';

export interface StepVisual {
  /** What the palette and the node call this kind of step. */
  label: string;
  description: string;
  icon: LucideIcon;
  /** Tailwind classes for the icon tile. */
  tile: string;
}

/** How each step type looks on the palette and the canvas. */
export const stepVisuals: Record<FlowNodeType, StepVisual> = {
  'manual-trigger': {
    label: 'Manual Trigger',
    description: 'Starts the flow from the Run button',
    icon: Play,
    tile: 'bg-emerald-50 text-emerald-600 ring-emerald-200',
  },
  'http-request': {
    label: 'HTTP Request',
    description: 'Calls an endpoint',
    icon: Globe,
    tile: 'bg-indigo-50 text-indigo-600 ring-indigo-200',
  },
};

/** The order steps appear in the palette. */
export const paletteOrder: readonly FlowNodeType[] = ['manual-trigger', 'http-request'];
