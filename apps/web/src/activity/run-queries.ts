/** How many runs the Activity panel lists; the live events keep this first page current. */
export const RUN_PAGE_SIZE = 50;

/** The `runs.list` input the panel uses; the event handler updates the cache under the same key. */
export function runListInput(flowId: string) {
  return { flowId, limit: RUN_PAGE_SIZE };
}
