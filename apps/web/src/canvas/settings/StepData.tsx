import type { SearchedGroup } from './data-groups';
import { DataTree } from './DataTree';
import type { ReferenceShape } from './reference-text';

/** One upstream step in Available data: its recorded fields as a tree, or its declared outputs. */
export function StepData({ group, shape, hasRun, onInsert }: { group: SearchedGroup; shape: ReferenceShape; hasRun: boolean; onInsert(text: string): void }) {
  const { step } = group;
  const note =
    group.source === 'test payload'
      ? 'From the trigger’s test payload.'
      : group.source === 'declared' && hasRun
        ? 'Not in the last run; its outputs:'
        : null;
  return (
    <div className="flex flex-col gap-1" role="group" aria-label={`Data of ${step.stepName}`}>
      <h4 className="text-xs font-medium text-zinc-700">
        {step.stepName}
        {step.referenceName !== step.stepName ? <span className="font-normal text-zinc-400"> · {step.referenceName}</span> : null}
      </h4>
      {note ? <p className="text-[11px] text-zinc-400">{note}</p> : null}
      {group.source === 'declared' ? (
        <DeclaredOutputs references={group.shownReferences} onInsert={onInsert} />
      ) : (
        <DataTree fields={group.fields} referenceName={step.referenceName} shape={shape} search={group.search} onInsert={onInsert} />
      )}
    </div>
  );
}

function DeclaredOutputs({ references, onInsert }: { references: readonly string[]; onInsert(text: string): void }) {
  if (references.length === 0) return <p className="text-xs text-zinc-400">No outputs.</p>;
  return (
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
  );
}
