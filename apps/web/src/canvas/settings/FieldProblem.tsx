/** A problem shown under a control that has no Field of its own (rows of a list). */
export function FieldProblem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <p className="text-xs text-red-600">{message}</p>;
}
