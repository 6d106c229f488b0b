import type { StepRecord } from '@flowyard/engine/schemas';
import { Pin, PinOff } from 'lucide-react';
import { useFlowStore } from '../canvas/flow-store-context';
import { Button } from '../ui/Button';
import { pinnableStep } from './pinnable-step';

/** "Pin output" on a step record: later manual runs use these outputs instead of running the step. */
export function PinOutputButton({ step }: { step: StepRecord }) {
  const node = useFlowStore((s) => s.nodes.find((n) => n.id === step.nodeId));
  const pinned = useFlowStore((s) => s.pins[step.nodeId] !== undefined);
  const setPin = useFlowStore((s) => s.setPin);
  if (node === undefined || !pinnableStep(node.type, step)) return null;
  if (pinned) {
    return (
      <Button size="sm" variant="ghost" icon={<PinOff aria-hidden className="size-3.5" />} onClick={() => setPin(step.nodeId, null)}>
        Unpin
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      icon={<Pin aria-hidden className="size-3.5" />}
      title="Manual runs will use these outputs instead of running the step"
      onClick={() => setPin(step.nodeId, { outputs: step.outputs ?? {}, runId: step.runId, pinnedAt: new Date().toISOString() })}
    >
      Pin output
    </Button>
  );
}
