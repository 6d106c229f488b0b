import { parsePinnedOutputsText } from '@flowyard/engine/schemas';
import { Pin, PinOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { Field, TextArea } from '../../ui/Field';
import { useFlowStore } from '../flow-store-context';

/**
 * "Pinned output": JSON typed by hand (or pinned from a run in Activity) that manual runs use
 * instead of running the step. Checked as it is pinned: a JSON object, at most 32 levels, 256 KiB.
 */
export function PinnedOutputEditor({ nodeId }: { nodeId: string }) {
  const pin = useFlowStore((s) => s.pins[nodeId]);
  const setPin = useFlowStore((s) => s.setPin);
  const stored = pin === undefined ? '' : JSON.stringify(pin.outputs, null, 2);
  const [text, setText] = useState(stored);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // A pin set from Activity, or undone, replaces what the box shows.
  useEffect(() => {
    setText(stored);
    setProblem(undefined);
  }, [stored]);

  const save = () => {
    const parsed = parsePinnedOutputsText(text);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(undefined);
    setPin(nodeId, { outputs: parsed.outputs, runId: null, pinnedAt: new Date().toISOString() });
  };

  return (
    <section aria-label="Pinned output" className="flex flex-col gap-2 border-t border-zinc-200 pt-4">
      <Field
        label="Pinned output"
        error={problem}
        hint={pin ? 'Manual runs use this instead of running the step; runs from an HTTP trigger call ignore it.' : 'Type outputs as JSON (e.g. {"status": 200, "body": {}}), or pin them from a run in Activity.'}
      >
        {(control) => <TextArea {...control} rows={5} spellCheck={false} className="font-mono text-xs" value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <div className="flex gap-2">
        <Button size="sm" icon={<Pin aria-hidden className="size-3.5" />} disabled={text.trim() === '' || text === stored} onClick={save}>
          {pin ? 'Update pin' : 'Pin output'}
        </Button>
        {pin ? (
          <Button size="sm" variant="ghost" icon={<PinOff aria-hidden className="size-3.5" />} onClick={() => setPin(nodeId, null)}>
            Unpin
          </Button>
        ) : null}
      </div>
    </section>
  );
}
