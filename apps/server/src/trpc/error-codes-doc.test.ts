import { errorCodes } from '@flowyard/engine';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpStatusOf } from './error-map';

const doc = readFileSync(new URL('../../../../docs/error-codes.md', import.meta.url), 'utf8');

/** `code → status` from the rows of docs/error-codes.md (`| \`CODE\` | 404 | meaning |`). */
function documentedStatuses(): Map<string, number> {
  const rows = new Map<string, number>();
  for (const match of doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)) rows.set(match[1] ?? '', Number(match[2]));
  return rows;
}

describe('docs/error-codes.md', () => {
  it('lists every code with the HTTP status the code table gives it, and nothing else', () => {
    const documented = documentedStatuses();
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) expect({ code, status: documented.get(code) }).toEqual({ code, status: httpStatusOf(code) });
  });
});
