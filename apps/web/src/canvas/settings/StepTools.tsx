import { useCan } from '../../auth/session-context';
import type { CanvasNode } from '../flow-store';
import { useFlowStore } from '../flow-store-context';
import { OnFailureSettings } from './OnFailureSettings';
import { PinnedOutputEditor } from './PinnedOutputEditor';
import { TestStepSection } from './TestStepSection';

/** Under a step's settings: On failure and Pinned output for steps that do work, and Test step for HTTP Request and custom steps. */
export function StepTools({ node, save }: { node: CanvasNode; save(): Promise<boolean> }) {
  const flowId = useFlowStore((s) => s.flowId);
  const canEdit = useCan('flows.edit');
  if (node.type !== 'http-request' && node.type !== 'custom-step' && node.type !== 'find-user') return null;
  return (
    <>
      <OnFailureSettings nodeId={node.id} onFailure={node.data.onFailure} />
      <PinnedOutputEditor nodeId={node.id} />
      {canEdit && node.type !== 'find-user' ? <TestStepSection flowId={flowId} nodeId={node.id} save={save} /> : null}
    </>
  );
}
