import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const keyBytes = 32;

/** Decodes a 32-byte key written as 64 hex characters or as base64. */
export function decodeSecretKey(text: string, source: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  // 32 bytes are 43 base64 characters plus one `=` of padding (optional here).
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  throw new Error(`${source} must be a 32-byte key, written as 64 hex characters or as base64`);
}

/**
 * The key that encrypts endpoint secrets: FLOWYARD_SECRET_KEY when set, otherwise
 * `secret.key` in the data folder, created (mode 0600) on first start.
 */
export function loadSecretKey(options: { envKey: string | undefined; dataDir: string }): Buffer {
  if (options.envKey) return decodeSecretKey(options.envKey, 'FLOWYARD_SECRET_KEY');
  const file = join(options.dataDir, 'secret.key');
  if (!existsSync(file)) {
    try {
      // `wx`: never overwrite a key another process has just written.
      writeFileSync(file, `${randomBytes(keyBytes).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  return decodeSecretKey(readFileSync(file, 'utf8'), file);
}
