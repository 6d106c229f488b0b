import type { EndpointView } from '@flowyard/engine/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTRPC } from '../lib/trpc';
import { RenameScriptsDialog, type RenameScriptsDialogProps, type RenameScriptsChoice } from './RenameScriptsDialog';

export interface RenameScriptsConfirm {
  /**
   * Before saving `stored` under `newName`: whether to rewrite the scripts that name it (asking
   * only when some do), or null when the person cancelled the save.
   */
  confirm(stored: EndpointView, newName: string): Promise<boolean | null>;
  /** The question dialog; render it inside the endpoint dialog. */
  dialog: ReactNode;
}

/** The rename check of the endpoint dialog's Save (SPEC §2 usage: scripts name endpoints literally). */
export function useRenameScriptsConfirm(): RenameScriptsConfirm {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [request, setRequest] = useState<RenameScriptsDialogProps['request']>(null);
  const answer = useRef<((choice: RenameScriptsChoice) => void) | null>(null);

  const confirm = async (stored: EndpointView, newName: string): Promise<boolean | null> => {
    if (newName.trim() === stored.name) return false;
    const impact = await queryClient.fetchQuery({ ...trpc.endpoints.renameImpact.queryOptions({ id: stored.id, name: newName }), staleTime: 0 });
    if (!impact.renamed || impact.scripts.length + impact.integrations.length === 0) return false;
    const choice = await new Promise<RenameScriptsChoice>((resolve) => {
      answer.current = resolve;
      setRequest({ oldName: stored.name, newName: newName.trim(), scripts: impact.scripts, integrations: impact.integrations });
    });
    return choice === 'cancel' ? null : choice === 'update';
  };

  const onChoose = (choice: RenameScriptsChoice) => {
    setRequest(null);
    answer.current?.(choice);
    answer.current = null;
  };

  return { confirm, dialog: <RenameScriptsDialog request={request} onChoose={onChoose} /> };
}
