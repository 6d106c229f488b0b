import { AlertCircle, RefreshCw, X } from 'lucide-react';
import { Button, IconButton } from '../ui/Button';
import type { SaveProblem } from './save-problem';

export interface SaveProblemBannerProps {
  problem: SaveProblem;
  onReload(): void;
  onDismiss(): void;
}

/** Why the last save failed: the server's validation messages, or a conflict with a reload offer. */
export function SaveProblemBanner({ problem, onReload, onDismiss }: SaveProblemBannerProps) {
  return (
    <div role="alert" className="flex shrink-0 items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-800">
      <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        {problem.kind === 'conflict' ? (
          <p>
            <strong className="font-semibold">Not saved.</strong> {problem.message} Reload to see the saved version; your changes here will be
            discarded.
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
        <Button size="sm" onClick={onReload} icon={<RefreshCw aria-hidden className="size-3.5" />}>
          Reload
        </Button>
      ) : null}
      <IconButton label="Dismiss" icon={<X className="size-4" />} onClick={onDismiss} />
    </div>
  );
}
