import { describe, expect, it } from 'vitest';
import { mapJsonStrings, renameReferences } from './rename-references';

describe('renameReferences', () => {
  const renames = new Map([
    ['Fetch', 'Fetch 2'],
    ['Fetch all', 'Fetch all 2'],
  ]);

  it('points references at the new names, longest name first, paths and spacing kept', () => {
    expect(renameReferences('{{Fetch.status}} and {{ Fetch all.body.items[0] }}', renames)).toBe('{{Fetch 2.status}} and {{ Fetch all 2.body.items[0] }}');
    expect(renameReferences('{{fetch.status}}', renames)).toBe('{{Fetch 2.status}}');
    expect(renameReferences('{{Fetch}}', renames)).toBe('{{Fetch 2}}');
  });

  it('leaves other references and plain text alone', () => {
    expect(renameReferences('{{trigger.body.id}} {{Fetcher.status}} Fetch.status', renames)).toBe('{{trigger.body.id}} {{Fetcher.status}} Fetch.status');
  });

  it('maps every string of a settings object', () => {
    expect(mapJsonStrings({ path: '/a/{{Fetch.id}}', headers: [{ name: 'x', value: '{{Fetch.token}}' }], timeoutMs: 5 }, (t) => renameReferences(t, renames))).toEqual({
      path: '/a/{{Fetch 2.id}}',
      headers: [{ name: 'x', value: '{{Fetch 2.token}}' }],
      timeoutMs: 5,
    });
  });
});
