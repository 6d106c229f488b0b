/** `text` as the inside of a JS string literal quoted with `quote` (what goes between the quotes). */
export function escapeForQuote(text: string, quote: "'" | '"'): string {
  // JSON escapes backslashes, control characters and double quotes the way JS reads them.
  const json = JSON.stringify(text).slice(1, -1);
  return quote === '"' ? json : json.replace(/\\"/g, '"').replace(/'/g, "\\'");
}

/** `text` as a single-quoted JS string literal, the style the snippets use. */
export function jsString(text: string): string {
  return `'${escapeForQuote(text, "'")}'`;
}
