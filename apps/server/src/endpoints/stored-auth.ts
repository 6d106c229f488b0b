import { FlowyardError, type AuthInput, type AuthType, type AuthView, type Json, type ResolvedAuth } from '@flowyard/engine';
import { z } from 'zod';
import type { SecretBox } from '../secrets/secret-box';

/** Non-secret auth fields as stored in `endpoints.auth_config`, checked when read back. */
const storedConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), preemptive: z.boolean() }),
]);

/** Secret auth fields, encrypted as one JSON document in `endpoints.secrets`. */
const storedSecretsSchema = z.object({ password: z.string() });
type StoredSecrets = z.infer<typeof storedSecretsSchema>;

export interface StoredAuthColumns {
  authType: AuthType;
  authConfig: { [key: string]: Json };
  secrets: string | null;
}

/**
 * Splits auth input into the stored columns. Secrets are sealed for `endpointId`;
 * an absent password keeps `previousSecrets` (update), and is an error when there is none.
 */
export function storeAuth(auth: AuthInput, endpointId: string, box: SecretBox, previousSecrets: string | null): StoredAuthColumns {
  switch (auth.type) {
    case 'none':
      return { authType: 'none', authConfig: {}, secrets: null };
    case 'basic': {
      let secrets = previousSecrets;
      if (auth.password !== undefined) {
        const plain: StoredSecrets = { password: auth.password };
        secrets = box.seal(JSON.stringify(plain), endpointId);
      }
      if (secrets === null) {
        throw new FlowyardError('VALIDATION_FAILED', 'Password is required', {
          issues: [{ path: 'auth.password', message: 'Password is required' }],
        });
      }
      return { authType: 'basic', authConfig: { username: auth.username, preemptive: auth.preemptive }, secrets };
    }
  }
}

function readConfig(columns: StoredAuthColumns) {
  return storedConfigSchema.parse({ ...columns.authConfig, type: columns.authType });
}

/** The auth as the API shows it: secrets replaced by whether they are set. */
export function authView(columns: StoredAuthColumns): AuthView {
  const config = readConfig(columns);
  switch (config.type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: config.username, preemptive: config.preemptive, passwordSet: columns.secrets !== null };
  }
}

/** The auth with secrets decrypted, for the engine only; never returned by the API. */
export function resolveAuth(columns: StoredAuthColumns, endpointId: string, box: SecretBox): ResolvedAuth {
  const config = readConfig(columns);
  switch (config.type) {
    case 'none':
      return { type: 'none' };
    case 'basic': {
      const secrets = openSecrets(columns.secrets, endpointId, box);
      return { type: 'basic', username: config.username, password: secrets.password, preemptive: config.preemptive };
    }
  }
}

function openSecrets(blob: string | null, endpointId: string, box: SecretBox): StoredSecrets {
  if (blob === null) throw new FlowyardError('AUTH_FAILED', 'The endpoint has no stored password; set one in its settings');
  try {
    return storedSecretsSchema.parse(JSON.parse(box.open(blob, endpointId)));
  } catch {
    // Deliberately no cause: parse errors quote their input, and nothing about the secret belongs in a message.
    throw new FlowyardError('AUTH_FAILED', "The endpoint's stored credentials cannot be decrypted (was FLOWYARD_SECRET_KEY changed?); enter them again");
  }
}
