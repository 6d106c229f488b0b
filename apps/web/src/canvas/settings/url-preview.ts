import { joinUrl, lookupReference, referenceValueText, replaceReferences, type ReferenceScope } from '@flowyard/engine/schemas';

/** A piece of the previewed URL: text as the request would carry it, or a reference the run's data cannot fill. */
export type UrlPart = { kind: 'text'; text: string } | { kind: 'unresolved'; reference: string; problem: string };

export type UrlPreview = { ok: true; parts: UrlPart[]; unresolved: number } | { ok: false; message: string };

export interface UrlPreviewInput {
  baseUrl: string;
  path: string;
  autoEncodeURI: boolean;
  /** The data references see (from the flow's last run); null when there is no run yet. */
  scope: ReferenceScope | null;
}

/**
 * The URL an HTTP Request step would call: references in the path filled from `scope` exactly as a
 * run fills them, then joined to the base URL the way the engine joins it (encoding included).
 * References it cannot fill stay visible as themselves.
 */
export function previewRequestUrl({ baseUrl, path, autoEncodeURI, scope }: UrlPreviewInput): UrlPreview {
  const lookups: ({ text: string } | { reference: string; problem: string })[] = [];
  replaceReferences(path, (reference) => {
    const lookup = scope === null ? { found: false as const, problem: 'no run yet' } : lookupReference(reference, scope);
    lookups.push(lookup.found ? { text: referenceValueText(lookup.value) } : { reference, problem: lookup.problem });
    return '';
  });
  // Unfilled references travel through the join as markers made of characters it keeps as they are.
  let tag = 'fyref';
  while ([baseUrl, path, ...lookups.map((l) => ('text' in l ? l.text : ''))].some((text) => text.includes(tag))) tag += 'x';
  const unresolved: { reference: string; problem: string }[] = [];
  let index = 0;
  const marked = replaceReferences(path, () => {
    const lookup = lookups[index++];
    if (lookup === undefined || 'text' in lookup) return lookup?.text ?? '';
    unresolved.push(lookup);
    return `@${tag}${unresolved.length - 1}@`;
  });

  let url: string;
  try {
    url = joinUrl(baseUrl, marked, { autoEncodeURI });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parts: UrlPart[] = [];
  const markerPattern = new RegExp(`@${tag}(\\d+)@`, 'g');
  let last = 0;
  for (const match of url.matchAll(markerPattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: url.slice(last, match.index) });
    const found = unresolved[Number(match[1])];
    if (found) parts.push({ kind: 'unresolved', ...found });
    last = match.index + match[0].length;
  }
  if (last < url.length) parts.push({ kind: 'text', text: url.slice(last) });
  return { ok: true, parts, unresolved: unresolved.length };
}
