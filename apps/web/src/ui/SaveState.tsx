import { Check, CircleDot } from 'lucide-react';

/** An editor's save state beside its Save button: "Unsaved changes", "Saved" once saved, else nothing. */
export function SaveState({ dirty, saved }: { dirty: boolean; saved: boolean }) {
  if (dirty) {
    return (
      <span role="status" className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-700">
        <CircleDot aria-hidden className="size-3.5" />
        Unsaved changes
      </span>
    );
  }
  if (!saved) return <span role="status" />;
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-emerald-700">
      <Check aria-hidden className="size-3.5" />
      Saved
    </span>
  );
}
