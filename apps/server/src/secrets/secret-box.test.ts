import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';
import { decodeSecretKey, loadSecretKey } from './secret-key';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const blob = box.seal('hunter2-secret', 'endpoint-1');
    expect(blob).not.toContain('hunter2');
    expect(box.open(blob, 'endpoint-1')).toBe('hunter2-secret');
  });

  it('uses a fresh IV for every secret', () => {
    expect(box.seal('same', 'e')).not.toBe(box.seal('same', 'e'));
  });

  it('refuses a blob sealed for another endpoint, with another key, or tampered with', () => {
    const blob = box.seal('secret', 'endpoint-1');
    expect(() => box.open(blob, 'endpoint-2')).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(blob, 'endpoint-1')).toThrow();
    const parts = blob.split('.');
    const tampered = [parts[0], parts[1], parts[2], Buffer.from('x').toString('base64')].join('.');
    expect(() => box.open(tampered, 'endpoint-1')).toThrow();
  });
});

describe('secret key', () => {
  it('accepts 32-byte keys in hex or base64 and rejects anything else', () => {
    const key = randomBytes(32);
    expect(decodeSecretKey(key.toString('hex'), 'K').equals(key)).toBe(true);
    expect(decodeSecretKey(key.toString('base64'), 'K').equals(key)).toBe(true);
    expect(() => decodeSecretKey('too-short', 'FLOWYARD_SECRET_KEY')).toThrow(/FLOWYARD_SECRET_KEY must be a 32-byte key/);
    expect(() => decodeSecretKey(randomBytes(16).toString('hex'), 'K')).toThrow();
  });

  it('creates a 0600 key file on first start and reuses it afterwards', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-key-'));
    dirs.push(dataDir);
    const first = loadSecretKey({ envKey: undefined, dataDir });
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ envKey: undefined, dataDir }).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('prefers FLOWYARD_SECRET_KEY and then writes no file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-key-'));
    dirs.push(dataDir);
    const key = randomBytes(32);
    expect(loadSecretKey({ envKey: key.toString('hex'), dataDir }).equals(key)).toBe(true);
    expect(() => statSync(join(dataDir, 'secret.key'))).toThrow();
  });
});
