import { KeyRound } from 'lucide-react';
import { Badge } from '../ui/Badge';

/** Marks an endpoint an import created without credentials, until someone enters them (SPEC §8). */
export function NeedsCredentialsBadge({ className }: { className?: string }) {
  return (
    <Badge tone="warning" className={className} title="Imported without credentials: open the endpoint, enter them and save">
      <KeyRound aria-hidden className="size-3" />
      Needs credentials
    </Badge>
  );
}
