import { upstreamOutputs, type UpstreamStep } from '@flowyard/engine/schemas';
import { Braces } from 'lucide-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCustomStepCatalog } from '../custom-steps-context';
import { useFlowStore, useFlowStoreApi } from '../flow-store-context';
import { payloadReferences } from './payload-references';

export interface AvailableDataProps {
  nodeId: string;
  /** Puts `{{reference}}` into the settings field last focused (or the first one). */
  onInsert(text: string): void;
}

interface Group {
  step: UpstreamStep;
  references: string[];
}

/**
 * "Available data": the outputs of the steps upstream of this one (and the fields of the
 * trigger's test payload), each a button that inserts its `{{reference}}`.
 */
export function AvailableData({ nodeId, onInsert }: AvailableDataProps) {
  const { lookup, loading } = useCustomStepCatalog();
  const flowStore = useFlowStoreApi();
  const data = useFlowStore(useShallow((s) => s.nodes.map((n) => n.data)));
  const edges = useFlowStore((s) => s.edges);
  const groups = useMemo((): Group[] => {
    const { nodes } = flowStore.getState();
    return upstreamOutputs({ nodes, edges }, nodeId, loading ? undefined : lookup).map((step) => {
      const references = step.outputs.map((output) => `${step.referenceName}.${output}`);
      const node = nodes.find((n) => n.id === step.nodeId);
      if (node?.type === 'manual-trigger') references.push(...payloadReferences(node.data.config.testPayload, `${step.referenceName}.body`));
      return { step, references };
    });
  }, [flowStore, data, edges, nodeId, lookup, loading]);

  return (
    <section aria-label="Available data" className="flex flex-col gap-2 border-t border-zinc-100 pt-4">
      <h3 className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        <Braces aria-hidden className="size-3.5" />
        Available data
      </h3>
      {groups.length === 0 ? (
        <p className="text-xs text-zinc-500">Connect this step after another one to use that step’s outputs here.</p>
      ) : (
        <>
          <p className="text-xs text-zinc-500">Click to insert at the cursor of the last field you were in.</p>
          {groups.map(({ step, references }) => (
            <div key={step.nodeId} className="flex flex-col gap-1">
              <h4 className="text-xs font-medium text-zinc-700">
                {step.stepName}
                {step.referenceName !== step.stepName ? <span className="font-normal text-zinc-400"> · {step.referenceName}</span> : null}
              </h4>
              {references.length === 0 ? (
                <p className="text-xs text-zinc-400">No outputs.</p>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {references.map((reference) => (
                    <li key={reference}>
                      <button
                        type="button"
                        // Keep the field's cursor: the click must not take focus from it first.
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => onInsert(`{{${reference}}}`)}
                        title={`Insert {{${reference}}}`}
                        className="max-w-full truncate rounded-md border border-zinc-200 bg-zinc-50 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700 hover:border-indigo-300 hover:bg-indigo-50 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-500"
                      >
                        {`{{${reference}}}`}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
