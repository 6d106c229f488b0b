import { Pin } from 'lucide-react';
import { useFlowStore } from '../flow-store-context';

/** "Pinned" on a step whose outputs are pinned: manual runs take the pin instead of running it. */
export function PinBadge({ nodeId }: { nodeId: string }) {
  const pinned = useFlowStore((s) => s.pins[nodeId] !== undefined);
  if (!pinned) return null;
  return (
    <span
      aria-label="Pinned output"
      title="Manual runs use this step's pinned output instead of running it (runs from an HTTP trigger call ignore pins)"
      className="absolute -top-2.5 -left-2 inline-flex items-center gap-1 rounded-full bg-violet-100 px-1.5 py-0.5 text-[10px] font-semibold text-violet-800 ring-1 ring-violet-300"
    >
      <Pin aria-hidden className="size-3" />
      Pinned
    </span>
  );
}
