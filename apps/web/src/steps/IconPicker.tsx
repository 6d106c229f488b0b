import { customStepIcons } from '@flowyard/engine/schemas';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cn } from '../lib/cn';
import { customStepIconComponents, iconLabel } from './custom-step-icons';

/** The step's icon: a radio group of the icons a custom step may use, drawn as they appear on the canvas. */
export function IconPicker({ registration, value }: { registration: UseFormRegisterReturn<'icon'>; value: string | undefined }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">Icon</legend>
      <div role="radiogroup" aria-label="Icon" className="flex flex-wrap gap-1.5">
        {customStepIcons.map((icon) => {
          const Icon = customStepIconComponents[icon];
          const checked = value === icon;
          return (
            <label
              key={icon}
              title={iconLabel(icon)}
              className={cn(
                'relative flex size-9 cursor-pointer items-center justify-center rounded-md border transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-indigo-500',
                checked ? 'border-violet-400 bg-violet-50 text-violet-700' : 'border-zinc-200 bg-white text-zinc-500 hover:border-zinc-300 hover:text-zinc-800',
              )}
            >
              <input type="radio" value={icon} className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0" aria-label={iconLabel(icon)} {...registration} />
              <Icon aria-hidden className="pointer-events-none size-4" />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
