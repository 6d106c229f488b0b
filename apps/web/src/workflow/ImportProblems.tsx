import type { FieldIssue } from '@flowyard/engine/schemas';

/** Every problem of an import file, each with the JSON path it was found at (SPEC §8). */
export function ImportProblems({ problems }: { problems: readonly FieldIssue[] }) {
  return (
    <div className="flex flex-col gap-2">
      <p role="alert" className="text-sm text-red-700">
        The file cannot be imported: {problems.length === 1 ? 'one problem was' : `${problems.length} problems were`} found. Nothing was
        written.
      </p>
      <ul aria-label="Import problems" className="divide-y divide-red-100 overflow-hidden rounded-md border border-red-200 bg-red-50/50">
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`} className="flex flex-col gap-0.5 px-3 py-2 text-sm">
            <code className="font-mono text-xs break-all text-red-800">{problem.path === '' ? '(the whole file)' : problem.path}</code>
            <span className="text-zinc-800">{problem.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
