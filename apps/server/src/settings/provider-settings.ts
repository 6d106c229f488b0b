import { z } from 'zod';

/**
 * Where the OAuth providers live and the Connect apps Flowyard is registered as (SPEC §3).
 * Defaults are the real services; tests point them at local mock providers.
 */
export interface ProviderSettings {
  /** This server's public address; Connect's redirect URI is `{publicUrl}/oauth/callback`. */
  publicUrl: string;
  /** Salesforce login; token URL `{salesforceLoginUrl}/services/oauth2/token` when an endpoint names none. */
  salesforceLoginUrl: string;
  slack: { url: string; client: ConnectClient | null };
  microsoft: { identityUrl: string; graphUrl: string; tenant: string; client: ConnectClient | null };
}

export interface ConnectClient {
  clientId: string;
  clientSecret: string;
}

const urlSetting = (name: string, fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''));
const optionalText = z.string().trim().min(1).optional();

const envSchema = z.object({
  FLOWYARD_SLACK_URL: urlSetting('FLOWYARD_SLACK_URL', 'https://slack.com'),
  FLOWYARD_SLACK_CLIENT_ID: optionalText,
  FLOWYARD_SLACK_CLIENT_SECRET: optionalText,
  FLOWYARD_MS_IDENTITY_URL: urlSetting('FLOWYARD_MS_IDENTITY_URL', 'https://login.microsoftonline.com'),
  FLOWYARD_MS_GRAPH_URL: urlSetting('FLOWYARD_MS_GRAPH_URL', 'https://graph.microsoft.com'),
  FLOWYARD_MS_TENANT: z
    .string()
    .trim()
    .regex(/^[\w.-]+$/, 'FLOWYARD_MS_TENANT must be a tenant id, a domain, or common/organizations/consumers')
    .default('common'),
  FLOWYARD_MS_CLIENT_ID: optionalText,
  FLOWYARD_MS_CLIENT_SECRET: optionalText,
  FLOWYARD_SALESFORCE_LOGIN_URL: urlSetting('FLOWYARD_SALESFORCE_LOGIN_URL', 'https://login.salesforce.com'),
});

/** Reads the provider settings from the environment; a malformed one stops the start with its name. */
export function loadProviderSettings(env: NodeJS.ProcessEnv, publicUrl: string): ProviderSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const vars = parsed.data;
  const client = (id: string | undefined, secret: string | undefined): ConnectClient | null =>
    id === undefined || secret === undefined ? null : { clientId: id, clientSecret: secret };
  return {
    publicUrl: publicUrl.replace(/\/+$/, ''),
    salesforceLoginUrl: vars.FLOWYARD_SALESFORCE_LOGIN_URL,
    slack: { url: vars.FLOWYARD_SLACK_URL, client: client(vars.FLOWYARD_SLACK_CLIENT_ID, vars.FLOWYARD_SLACK_CLIENT_SECRET) },
    microsoft: {
      identityUrl: vars.FLOWYARD_MS_IDENTITY_URL,
      graphUrl: vars.FLOWYARD_MS_GRAPH_URL,
      tenant: vars.FLOWYARD_MS_TENANT,
      client: client(vars.FLOWYARD_MS_CLIENT_ID, vars.FLOWYARD_MS_CLIENT_SECRET),
    },
  };
}

/** The Microsoft identity platform's token endpoint for the configured tenant. */
export function microsoftTokenUrl(settings: ProviderSettings): string {
  return `${settings.microsoft.identityUrl}/${settings.microsoft.tenant}/oauth2/v2.0/token`;
}

/** The Microsoft identity platform's authorize endpoint for the configured tenant. */
export function microsoftAuthorizeUrl(settings: ProviderSettings): string {
  return `${settings.microsoft.identityUrl}/${settings.microsoft.tenant}/oauth2/v2.0/authorize`;
}

/** Connect's redirect URI, registered with Slack and Microsoft. */
export function connectRedirectUri(settings: ProviderSettings): string {
  return `${settings.publicUrl}/oauth/callback`;
}
