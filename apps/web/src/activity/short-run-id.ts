/** A run id short enough to read: its random tail (time-ordered ids share their first characters with runs started nearby). */
export function shortRunId(runId: string): string {
  return runId.length > 8 ? runId.slice(-8) : runId;
}
