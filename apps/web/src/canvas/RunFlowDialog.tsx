import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field, FormError, TextArea } from '../ui/Field';
import { runListInput } from '../activity/run-queries';
import { referenceProblems } from '@flowyard/engine/schemas';
import { useCustomStepCatalog } from './custom-steps-context';
import { graphOf, type CanvasNode } from './flow-store';
import { useFlowStoreApi, usePendingEdits } from './flow-store-context';
import { parseTestPayload } from './test-payload';

export interface RunFlowDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Saves unsaved changes first; resolves false when the save was refused. */
  save(): Promise<boolean>;
}

/**
 * The trigger a run starts from: the selected trigger, else the first Manual Trigger, else the
 * first HTTP Trigger (run by hand, its body is the test payload; headers and query are empty).
 */
function runTrigger(nodes: readonly CanvasNode[]) {
  const triggers = nodes.filter((n) => n.type === 'manual-trigger' || n.type === 'http-trigger');
  return triggers.find((n) => n.selected) ?? triggers.find((n) => n.type === 'manual-trigger') ?? triggers[0];
}

/** "Run flow": a JSON test payload for the Manual trigger, then `runs.start`. */
export function RunFlowDialog({ open, onOpenChange, save }: RunFlowDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(trpc.runs.start.mutationOptions());
  const [text, setText] = useState('{}');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [triggerName, setTriggerName] = useState<string | null>(null);
  const catalog = useCustomStepCatalog();
  const flowStore = useFlowStoreApi();
  const pendingEdits = usePendingEdits();

  useEffect(() => {
    if (!open) return;
    pendingEdits.flush();
    const trigger = runTrigger(flowStore.getState().nodes);
    setText(trigger?.type === 'manual-trigger' ? trigger.data.config.testPayload : '{}');
    setTriggerName(trigger?.data.name ?? null);
    setFieldError(null);
    setFormError(null);
    start.reset();
    // Prefill once per opening; later store changes must not overwrite what is being typed.
  }, [open]);

  const run = async () => {
    const parsed = parseTestPayload(text);
    if (!parsed.ok) {
      setFieldError(parsed.error);
      return;
    }
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    try {
      const store = flowStore.getState();
      const trigger = runTrigger(store.nodes);
      if (!trigger) {
        setFormError('Add a Manual Trigger to the flow first.');
        return;
      }
      // A reference that cannot resolve would fail the run part-way; say so before starting it.
      const unresolved = referenceProblems(graphOf(store), catalog.loading ? undefined : catalog.lookup);
      if (unresolved.length > 0) {
        setFormError(['Fix these references before running:', ...unresolved.map((p) => `${p.stepName}: ${p.message}`)].join('\n'));
        return;
      }
      // The trigger remembers the payload, so the next Run starts from it.
      if (trigger.type === 'manual-trigger' && trigger.data.config.testPayload !== text) {
        store.updateStepConfig(trigger.id, { type: 'manual-trigger', config: { ...trigger.data.config, testPayload: text } });
      }
      if (!(await save())) {
        setFormError('The flow could not be saved; fix the problems shown in the editor and run again.');
        return;
      }
      const { runId } = await start.mutateAsync({ flowId: store.flowId, triggerNodeId: trigger.id, payload: parsed.payload });
      flowStore.getState().selectRun(runId);
      void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey(runListInput(store.flowId)) });
      onOpenChange(false);
    } catch (error) {
      const apiError = readApiError(error);
      const issues = apiError.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      setFormError([apiError.code ? `${apiError.code}: ${apiError.message}` : apiError.message, ...issues].join('\n'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Run flow" description={triggerName ? `Starts from “${triggerName}”. Unsaved changes are saved first.` : undefined}>
      <form
        className="contents"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <DialogBody className="flex flex-col gap-3">
          {triggerName === null ? (
            <FormError>This flow has no trigger. Add a Manual Trigger from the palette to run the flow.</FormError>
          ) : null}
          <Field label="Test payload" error={fieldError ?? undefined} hint="JSON the trigger passes on as its body.">
            {(control) => (
              <TextArea
                {...control}
                rows={10}
                spellCheck={false}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  if (fieldError) setFieldError(null);
                }}
                onKeyDown={(event) => {
                  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
                    event.preventDefault();
                    void run();
                  }
                }}
              />
            )}
          </Field>
          <FormError>{formError ? <span className="whitespace-pre-line">{formError}</span> : null}</FormError>
        </DialogBody>
        <DialogFooter>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="primary" disabled={busy || triggerName === null} icon={<Play aria-hidden className="size-4" />}>
            Run
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
