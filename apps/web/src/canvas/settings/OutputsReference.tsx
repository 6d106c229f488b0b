import { referenceText } from './reference-text';

/** The outputs later steps can use, each with the exact reference that reads it (`{{Step Name.output}}`, `{{trigger.body}}`). */
export function OutputsReference({ prefix, outputs }: { prefix: string; outputs: readonly string[] }) {
  const shape = { [prefix]: outputs };
  return (
    <div className="flex flex-col gap-2 border-t border-zinc-100 pt-4">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Outputs</h3>
      <ul className="flex flex-col gap-1">
        {outputs.map((output) => {
          const reference = referenceText(prefix, output, [], shape);
          const shown = reference === null ? 'rename the step without { } to use it' : `{{${reference}}}`;
          return (
            <li key={output} className="flex items-center justify-between gap-2 text-sm">
              <span className="font-medium text-zinc-800">{output}</span>
              <code className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600" title={shown}>
                {shown}
              </code>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
