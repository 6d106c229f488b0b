import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const tagBytes = 16;
const version = 'v1';

export interface SecretBox {
  /** Encrypts `plain`; `context` (e.g. the endpoint id) is authenticated, so a blob cannot be moved to another row. */
  seal(plain: string, context: string): string;
  /** Decrypts a blob from `seal`; throws when the key, context or blob is wrong. */
  open(blob: string, context: string): string;
}

/** AES-256-GCM with a random 12-byte IV per secret; blobs are `v1.<iv>.<tag>.<ciphertext>` in base64. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join('.');
    },
    open(blob, context) {
      const [tagVersion, iv, tag, ciphertext] = blob.split('.');
      if (tagVersion !== version || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new Error('Unrecognised secret format');
      }
      const decipher = createDecipheriv(algorithm, key, Buffer.from(iv, 'base64'), { authTagLength: tagBytes });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
