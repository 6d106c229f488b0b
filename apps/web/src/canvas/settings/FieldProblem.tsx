/** A problem shown under a control that has no Field of its own (rows of a list); `id` links it from the control. */
export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs text-red-600">
      {message}
    </p>
  );
}

/** The `aria-describedby` for a row control whose problem, if any, has `id`. */
export function problemRef(id: string, message: string | undefined): string | undefined {
  return message ? id : undefined;
}
