import {
  connectedTokensSchema,
  connectionViewSchema,
  FlowyardError,
  type AuthInput,
  type AuthType,
  type AuthView,
  type ConnectedTokens,
  type ConnectionView,
  type Json,
  type ResolvedAuth,
} from '@flowyard/engine';
import { z } from 'zod';
import type { SecretBox } from '../secrets/secret-box';
import { microsoftTokenUrl, type ProviderSettings } from '../settings/provider-settings';

const connectionSchema = z.object({
  connection: connectionViewSchema.nullable().default(null),
  /** The last save moved the base URL to another origin and so dropped the connection (SPEC §7a). */
  connectionDropped: z.boolean().default(false),
});

/** Non-secret auth fields as stored in `endpoints.auth_config`, checked when read back. */
const storedConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), preemptive: z.boolean() }),
  z.object({ type: z.literal('oauth2'), tokenUrl: z.string(), username: z.string(), clientId: z.string() }),
  z.object({ type: z.literal('salesforce'), tokenUrl: z.string(), username: z.string(), clientId: z.string() }),
  connectionSchema.extend({ type: z.literal('slack') }),
  connectionSchema.extend({ type: z.literal('msgraph') }),
  z.object({ type: z.literal('remedy'), username: z.string() }),
  z.object({ type: z.literal('servicenow'), username: z.string() }),
  z.object({ type: z.literal('flowyard') }),
]);
type StoredConfig = z.infer<typeof storedConfigSchema>;

/** Secret auth fields, encrypted as one JSON document in `endpoints.secrets`. */
const passwordSecretsSchema = z.object({ password: z.string() });
const clientSecretsSchema = z.object({ password: z.string(), clientSecret: z.string() });

export interface StoredAuthColumns {
  authType: AuthType;
  authConfig: { [key: string]: Json };
  secrets: string | null;
}

/**
 * Splits auth input into the stored columns. Secrets are sealed for `endpointId`; an absent
 * secret keeps the one in `previous` (update) and is an error when there is none. Slack and
 * Graph keep their connection: only Connect (`storeConnection`) changes it.
 */
export function storeAuth(auth: AuthInput, endpointId: string, box: SecretBox, previous: StoredAuthColumns | null): StoredAuthColumns {
  const seal = (plain: object): string => box.seal(JSON.stringify(plain), endpointId);
  switch (auth.type) {
    case 'none':
    case 'flowyard':
      return { authType: auth.type, authConfig: {}, secrets: null };
    case 'basic':
    case 'remedy':
    case 'servicenow': {
      // An absent password keeps the sealed one as it is.
      const secrets = auth.password === undefined ? (previous?.secrets ?? null) : seal({ password: auth.password });
      if (secrets === null) {
        throw new FlowyardError('VALIDATION_FAILED', 'Password is required', { issues: [{ path: 'auth.password', message: 'Password is required' }] });
      }
      const authConfig: { [key: string]: Json } = auth.type === 'basic' ? { username: auth.username, preemptive: auth.preemptive } : { username: auth.username };
      return { authType: auth.type, authConfig, secrets };
    }
    case 'oauth2':
    case 'salesforce': {
      const kept = auth.password === undefined || auth.clientSecret === undefined ? openPrevious(previous, endpointId, box, clientSecretsSchema) : null;
      const password = auth.password ?? kept?.password;
      const clientSecret = auth.clientSecret ?? kept?.clientSecret;
      const issues = [
        ...(password === undefined ? [{ path: 'auth.password', message: 'Password is required' }] : []),
        ...(clientSecret === undefined ? [{ path: 'auth.clientSecret', message: 'Client secret is required' }] : []),
      ];
      if (password === undefined || clientSecret === undefined) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });
      return {
        authType: auth.type,
        authConfig: { tokenUrl: auth.tokenUrl, username: auth.username, clientId: auth.clientId },
        secrets: seal({ password, clientSecret }),
      };
    }
    case 'slack':
    case 'msgraph': {
      const connection = previous === null ? null : connectionOf(previous);
      const connectionDropped = previous !== null && droppedConnection(previous);
      return { authType: auth.type, authConfig: { connection, connectionDropped }, secrets: connection === null ? null : (previous?.secrets ?? null) };
    }
  }
}

/**
 * A Slack or Graph endpoint's columns with its connection dropped (tokens and who connected),
 * marked so the dialog says "Connect again": its base URL moved to another origin (SPEC §7a).
 */
export function dropConnection(type: 'slack' | 'msgraph'): StoredAuthColumns {
  return { authType: type, authConfig: { connection: null, connectionDropped: true }, secrets: null };
}

/** The columns after a Connect: who connected and when (plain), the tokens (sealed). */
export function storeConnection(type: 'slack' | 'msgraph', connection: ConnectionView, tokens: ConnectedTokens, endpointId: string, box: SecretBox): StoredAuthColumns {
  return { authType: type, authConfig: { connection, connectionDropped: false }, secrets: box.seal(JSON.stringify(tokens), endpointId) };
}

/** The stored Connect tokens, or null when not connected. */
export function openConnectedTokens(columns: StoredAuthColumns, endpointId: string, box: SecretBox): ConnectedTokens | null {
  if (columns.secrets === null) return null;
  return openSecrets(columns.secrets, endpointId, box, connectedTokensSchema);
}

function readConfig(columns: StoredAuthColumns): StoredConfig {
  return storedConfigSchema.parse({ ...columns.authConfig, type: columns.authType });
}

function connectionOf(columns: StoredAuthColumns): ConnectionView | null {
  const config = readConfig(columns);
  return (config.type === 'slack' || config.type === 'msgraph') && columns.secrets !== null ? config.connection : null;
}

function droppedConnection(columns: StoredAuthColumns): boolean {
  const config = readConfig(columns);
  return (config.type === 'slack' || config.type === 'msgraph') && config.connectionDropped;
}

/** The auth as the API shows it: secrets replaced by whether they are set. */
export function authView(columns: StoredAuthColumns): AuthView {
  const config = readConfig(columns);
  const set = columns.secrets !== null;
  switch (config.type) {
    case 'none':
    case 'flowyard':
      return { type: config.type };
    case 'basic':
      return { type: 'basic', username: config.username, preemptive: config.preemptive, passwordSet: set };
    case 'oauth2':
    case 'salesforce':
      return { type: config.type, tokenUrl: config.tokenUrl, username: config.username, clientId: config.clientId, passwordSet: set, clientSecretSet: set };
    case 'slack':
    case 'msgraph':
      return { type: config.type, connection: set ? config.connection : null, connectionDropped: config.connectionDropped };
    case 'remedy':
    case 'servicenow':
      return { type: config.type, username: config.username, passwordSet: set };
  }
}

/** The auth with secrets decrypted (and provider settings filled in), for the engine only; never returned by the API. */
export function resolveAuth(columns: StoredAuthColumns, endpointId: string, box: SecretBox, providers: ProviderSettings): ResolvedAuth {
  const config = readConfig(columns);
  switch (config.type) {
    case 'none':
      return { type: 'none' };
    case 'basic': {
      const { password } = openRequired(columns, endpointId, box, passwordSecretsSchema);
      return { type: 'basic', username: config.username, password, preemptive: config.preemptive };
    }
    case 'oauth2': {
      const secrets = openRequired(columns, endpointId, box, clientSecretsSchema);
      return { type: 'oauth2', tokenUrl: config.tokenUrl, username: config.username, clientId: config.clientId, ...secrets };
    }
    case 'salesforce': {
      const secrets = openRequired(columns, endpointId, box, clientSecretsSchema);
      const tokenUrl = config.tokenUrl === '' ? `${providers.salesforceLoginUrl}/services/oauth2/token` : config.tokenUrl;
      return { type: 'salesforce', tokenUrl, username: config.username, clientId: config.clientId, ...secrets };
    }
    case 'slack':
      return { type: 'slack', tokens: openConnectedTokens(columns, endpointId, box) };
    case 'msgraph': {
      const client = providers.microsoft.client;
      return {
        type: 'msgraph',
        tokens: openConnectedTokens(columns, endpointId, box),
        client: client === null ? null : { tokenUrl: microsoftTokenUrl(providers), ...client },
      };
    }
    case 'remedy':
    case 'servicenow': {
      const { password } = openRequired(columns, endpointId, box, passwordSecretsSchema);
      return { type: config.type, username: config.username, password };
    }
    case 'flowyard':
      // The credential is minted per run (builtin/run-credentials) and added by the run's resolver.
      return { type: 'flowyard', token: null };
  }
}

function openRequired<T>(columns: StoredAuthColumns, endpointId: string, box: SecretBox, schema: z.ZodType<T>): T {
  if (columns.secrets === null) throw new FlowyardError('AUTH_FAILED', 'The endpoint has no stored credentials; set them in its settings');
  return openSecrets(columns.secrets, endpointId, box, schema);
}

function openPrevious<T>(previous: StoredAuthColumns | null, endpointId: string, box: SecretBox, schema: z.ZodType<T>): T | null {
  return previous === null || previous.secrets === null ? null : openSecrets(previous.secrets, endpointId, box, schema);
}

function openSecrets<T>(blob: string, endpointId: string, box: SecretBox, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(box.open(blob, endpointId)));
  } catch {
    // Deliberately no cause: parse errors quote their input, and nothing about the secret belongs in a message.
    throw new FlowyardError('AUTH_FAILED', "The endpoint's stored credentials cannot be decrypted (was FLOWYARD_SECRET_KEY changed?); enter them again");
  }
}
