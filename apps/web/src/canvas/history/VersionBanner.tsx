import type { FlowVersionSummary } from '@flowyard/engine/schemas';
import { ArrowLeft, History, RotateCcw } from 'lucide-react';
import { formatRelativeTime } from '../../lib/relative-time';
import { Button } from '../../ui/Button';

export interface VersionBannerProps {
  version: FlowVersionSummary;
  restoring: boolean;
  /** Why the last restore did not happen, or null. */
  error: string | null;
  onRestore(): void;
  onBack(): void;
}

/** Above a kept version on the canvas: whose and when it is, and the two ways out. */
export function VersionBanner({ version, restoring, error, onRestore, onBack }: VersionBannerProps) {
  const when = formatRelativeTime(version.savedAt, Date.now());
  return (
    <div role="region" aria-label="Version view" className="flex shrink-0 flex-col border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
      <div className="flex items-center gap-3">
        <History aria-hidden className="size-4 shrink-0" />
        <p className="min-w-0 flex-1" title={new Date(version.savedAt).toLocaleString()}>
          <strong className="font-semibold">
            Viewing version of {when} by {version.savedBy.name}
          </strong>{' '}
          <span className="text-sky-800">(version {version.version}, read only: {version.summary})</span>
        </p>
        <Button size="sm" variant="primary" disabled={restoring} onClick={onRestore} icon={<RotateCcw aria-hidden className="size-3.5" />}>
          {restoring ? 'Restoring…' : 'Restore'}
        </Button>
        <Button size="sm" onClick={onBack} icon={<ArrowLeft aria-hidden className="size-3.5" />}>
          Back to current
        </Button>
      </div>
      {error ? (
        <p role="alert" className="mt-1 pl-7 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
