import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { FlowEditorState } from '../flow-store';
import { useFlowStoreApi, usePendingEdits } from '../flow-store-context';

/** Pause after the last keystroke before an edit goes to the store (and its undo history). */
const APPLY_DELAY_MS = 250;

export interface LiveStepFormOptions<Input extends FieldValues, Output> {
  nodeId: string;
  /** The node's data object in the store; a new object that this form did not write means undo/redo. */
  data: unknown;
  form: UseFormReturn<Input, unknown, Output>;
  schema: z.ZodType<Output, Input>;
  /** The form values for the node as the store holds it now. */
  values(): Input;
  /** Writes valid values to the store (skipping values equal to what it holds). */
  apply(output: Output, store: FlowEditorState): void;
}

/**
 * Keeps a step's settings form and the store in step: valid edits flow into the store shortly after
 * typing stops (invalid ones stay in the form with their error), and changes made elsewhere
 * (undo, redo) reset the form.
 */
export function useLiveStepForm<Input extends FieldValues, Output>(options: LiveStepFormOptions<Input, Output>) {
  const latest = useRef(options);
  latest.current = options;
  const written = useRef(options.data);
  const flowStore = useFlowStoreApi();
  const pendingEdits = usePendingEdits();

  useEffect(() => {
    if (options.data === written.current) return;
    written.current = options.data;
    latest.current.form.reset(latest.current.values());
  }, [options.data]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiting = false;
    const flush = () => {
      clearTimeout(timer);
      if (!waiting) return;
      waiting = false;
      const { form, schema, apply, nodeId } = latest.current;
      const parsed = schema.safeParse(form.getValues());
      if (!parsed.success) return;
      apply(parsed.data, flowStore.getState());
      written.current = flowStore.getState().nodes.find((n) => n.id === nodeId)?.data;
    };
    // reset() after undo also lands here; writing back the same values is a no-op (apply skips them).
    const subscription = latest.current.form.watch(() => {
      waiting = true;
      clearTimeout(timer);
      timer = setTimeout(flush, APPLY_DELAY_MS);
    });
    const unregister = pendingEdits.register(flush);
    return () => {
      flush();
      unregister();
      subscription.unsubscribe();
    };
  }, [flowStore, pendingEdits]);
}
