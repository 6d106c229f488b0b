/** "Not used", "Used in 1 place", "Used in 3 places" (as the Steps library says it). */
export function usageText(count: number): string {
  return count === 0 ? 'Not used' : `Used in ${count} ${count === 1 ? 'place' : 'places'}`;
}
