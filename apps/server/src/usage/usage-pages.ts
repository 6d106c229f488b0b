import { FlowyardError, type UsagePage } from '@flowyard/engine';

/**
 * One kind of use in a Usage list (flow steps, scripts, …): its count, and a page of its uses in a
 * fixed order, each with the keyset position (text values) a later page starts after.
 */
export interface UsageSource<Item> {
  kind: string;
  count(): Promise<number>;
  page(limit: number, after: readonly string[] | undefined): Promise<{ item: Item; position: string[] }[]>;
}

interface UsageCursor {
  kind: string;
  position: string[];
}

function encodeCursor(cursor: UsageCursor): string {
  return Buffer.from(JSON.stringify([cursor.kind, ...cursor.position]), 'utf8').toString('base64url');
}

function decodeCursor(text: string, kinds: readonly string[]): UsageCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length >= 2 && value.every((part) => typeof part === 'string')) {
      const [kind, ...position] = value.map(String);
      if (kind !== undefined && kinds.includes(kind)) return { kind, position };
    }
  } catch {
    // fall through to the error below
  }
  throw new FlowyardError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor; start from the first page' }] });
}

/**
 * A page of uses across `sources`, in their order: `limit` items after `cursor`, the next cursor
 * (null on the last page), and the counts by kind. Each source is read by keyset, so a page costs
 * the same at any depth; a new kind of use is one more source.
 */
export async function usagePage<Item>(sources: readonly UsageSource<Item>[], cursor: string | null | undefined, limit: number): Promise<UsagePage<Item>> {
  const start = cursor ? decodeCursor(cursor, sources.map((s) => s.kind)) : undefined;
  const countsPromise = Promise.all(sources.map(async (source) => [source.kind, await source.count()] as const));
  const found: { kind: string; item: Item; position: string[] }[] = [];
  let reached = start === undefined;
  for (const source of sources) {
    if (!reached && source.kind !== start?.kind) continue;
    const after = !reached ? start?.position : undefined;
    reached = true;
    // One more than the page holds tells whether there is a next page.
    const rows = await source.page(limit + 1 - found.length, after);
    found.push(...rows.map((row) => ({ kind: source.kind, ...row })));
    if (found.length > limit) break;
  }
  const counts = Object.fromEntries(await countsPromise);
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => row.item),
    nextCursor: found.length > limit && last ? encodeCursor({ kind: last.kind, position: last.position }) : null,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
  };
}
