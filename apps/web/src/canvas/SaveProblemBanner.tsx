import { AlertCircle, RefreshCw, Upload, X } from 'lucide-react';
import { Button, IconButton } from '../ui/Button';
import type { SaveProblem } from './save-problem';

export interface SaveProblemBannerProps {
  problem: SaveProblem;
  /** Conflict: show the stored version (what was here stays one undo away). */
  onTakeTheirs(): void;
  /** Conflict: save what is here over the stored version. */
  onOverwrite(): void;
  onDismiss(): void;
}

/**
 * Why the last save failed: the server's validation messages, or a conflict with both ways out.
 * Autosave waits while a conflict shows; nothing here is discarded either way.
 */
export function SaveProblemBanner({ problem, onTakeTheirs, onOverwrite, onDismiss }: SaveProblemBannerProps) {
  return (
    <div role="alert" className="flex shrink-0 items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-800">
      <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        {problem.kind === 'conflict' ? (
          <p>
            <strong className="font-semibold">Not saved.</strong> {problem.message} Reload theirs to see the saved version (Undo brings yours
            back), or overwrite it with yours.
          </p>
        ) : (
          <>
            <p>
              <strong className="font-semibold">Not saved.</strong> {problem.message}
            </p>
            {problem.issues.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {problem.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
      {problem.kind === 'conflict' ? (
        <>
          <Button size="sm" onClick={onTakeTheirs} icon={<RefreshCw aria-hidden className="size-3.5" />}>
            Reload theirs
          </Button>
          <Button size="sm" onClick={onOverwrite} icon={<Upload aria-hidden className="size-3.5" />}>
            Overwrite with mine
          </Button>
        </>
      ) : (
        <IconButton label="Dismiss" icon={<X className="size-4" />} onClick={onDismiss} />
      )}
    </div>
  );
}
