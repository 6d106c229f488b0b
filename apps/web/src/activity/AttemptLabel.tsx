/**
 * "attempt N" on a run or step record written by a later attempt of its run: the process running it
 * stopped and another took the run over (a step in flight then runs again). Nothing for a first attempt.
 */
export function AttemptLabel({ attempt }: { attempt: number }) {
  if (attempt <= 1) return null;
  return (
    <span
      title="Run again after the process running it stopped"
      className="rounded px-1 text-[11px] font-medium whitespace-nowrap text-amber-800 ring-1 ring-amber-200"
    >
      {`attempt ${attempt}`}
    </span>
  );
}
