import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from './data-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('prepareDataDir', () => {
  it('creates the data folder for its owner only (0700), and says when an existing folder is open to others', () => {
    const root = mkdtempSync(join(tmpdir(), 'flowyard-data-'));
    dirs.push(root);
    const dataDir = join(root, 'nested', 'data');
    expect(prepareDataDir(dataDir)).toEqual({ openToOthers: false });
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');

    const shared = join(root, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    expect(prepareDataDir(shared)).toEqual({ openToOthers: true });
    expect((statSync(shared).mode & 0o777).toString(8)).toBe('755');
  });
});
