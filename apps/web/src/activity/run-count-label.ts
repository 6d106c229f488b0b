/** The Activity header: how many runs the list holds in all ("No runs yet", "1 run", "1,234 runs", "3 matching runs"). */
export function runCountLabel(count: number | undefined, filtered: boolean): string {
  if (count === undefined) return '';
  if (count === 0) return filtered ? 'No matching runs' : 'No runs yet';
  return `${count.toLocaleString('en')}${filtered ? ' matching' : ''} run${count === 1 ? '' : 's'}`;
}
