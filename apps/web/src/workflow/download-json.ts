/**
 * Saves `value` as a JSON file through the browser's download (Blob, object URL, `<a download>`),
 * pretty-printed so the file reads well in a diff.
 */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
