import { z } from 'zod';
import { baseUrlProblem } from './base-url';

/**
 * Authentication as the user writes it (SPEC §3). Secrets are write-only: on create they
 * are required, on update an absent secret keeps the stored one. Slack and Microsoft Graph
 * have no fields: they are connected with the authorization-code flow (`endpoints.connectUrl`).
 */
export const authTypes = ['none', 'basic', 'oauth2', 'salesforce', 'slack', 'msgraph', 'remedy', 'servicenow', 'flowyard'] as const;
export const authTypeSchema = z.enum(authTypes);
export type AuthType = z.infer<typeof authTypeSchema>;

export const authTypeLabels: Record<AuthType, string> = {
  none: 'No Authorization',
  basic: 'Basic',
  oauth2: 'OAuth2 (password grant)',
  salesforce: 'OAuth2 (Salesforce)',
  slack: 'Slack',
  msgraph: 'Microsoft Graph API',
  remedy: 'BMC Remedy token',
  servicenow: 'ServiceNow',
  flowyard: 'Flowyard (as the user who started the run)',
};

/**
 * The types people can choose for a new endpoint. `flowyard` belongs to the built-in Flowyard
 * endpoint alone (SPEC §2): its credential is minted per run, so it has no fields.
 */
export const creatableAuthTypes = authTypes.filter((type): type is Exclude<AuthType, 'flowyard'> => type !== 'flowyard');

/** Types whose credentials the Test Authentication button checks with a real request. */
export const testableAuthTypes = ['oauth2', 'salesforce', 'remedy', 'servicenow'] as const satisfies readonly AuthType[];
/** Types connected through a provider's authorization page in a popup (Connect / Reconnect). */
export const connectAuthTypes = ['slack', 'msgraph'] as const satisfies readonly AuthType[];
export type ConnectAuthType = (typeof connectAuthTypes)[number];

/** True when Test Authentication applies to `type`. */
export function isTestableAuthType(type: AuthType): boolean {
  return (testableAuthTypes as readonly AuthType[]).includes(type);
}

/** True when `type` is connected with a popup instead of typed credentials. */
export function isConnectAuthType(type: AuthType): type is ConnectAuthType {
  return (connectAuthTypes as readonly AuthType[]).includes(type);
}

/** The scopes requested when connecting (SPEC §3). */
export const slackScopes = ['users:read', 'team:read', 'channels:history', 'channels:write', 'channels:read', 'chat:write:bot', 'chat:write:user'] as const;
export const msgraphScopes = [
  'ChannelMessage.Read.All',
  'Directory.ReadWrite.All',
  'Group.ReadWrite.All',
  'offline_access',
  'OnlineMeetings.ReadWrite',
  'openid',
  'profile',
  'User.Read',
] as const;

const usernameSchema = z.string({ error: 'Username is required' }).trim().min(1, 'Username is required').max(500);
const secretSchema = (label: string) => z.string({ error: `${label} is required` }).min(1, `${label} is required`).max(4096);
const passwordSchema = secretSchema('Password');
const clientIdSchema = z.string({ error: 'Client ID is required' }).trim().min(1, 'Client ID is required').max(1000);

function urlSchema(label: string) {
  return z
    .string()
    .trim()
    .max(2000, `${label} must be at most 2000 characters`)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const problem = baseUrlProblem(value);
      // Token URLs may carry a query string (some providers need one); the other base-URL rules hold.
      if (problem !== null && !problem.includes('query string')) ctx.addIssue({ code: 'custom', message: problem.replace('Base URL', label) });
    });
}

/** Required absolute http(s) URL. */
const tokenUrlSchema = urlSchema('Access token URL').refine((value) => value !== '', 'Access token URL is required');
/** '' means "the Salesforce login URL from the server settings". */
const salesforceTokenUrlSchema = urlSchema('Token URL').default('');

export const noAuthInputSchema = z.object({ type: z.literal('none') });

export const basicAuthInputSchema = z.object({
  type: z.literal('basic'),
  username: usernameSchema,
  /** Absent on update means "keep the stored password". */
  password: passwordSchema.optional(),
  preemptive: z.boolean().default(true),
});

export const oauth2AuthInputSchema = z.object({
  type: z.literal('oauth2'),
  tokenUrl: tokenUrlSchema,
  username: usernameSchema,
  /** Absent on update: keep the stored one. */
  password: passwordSchema.optional(),
  clientId: clientIdSchema,
  /** Absent on update: keep the stored one. */
  clientSecret: secretSchema('Client secret').optional(),
});

export const salesforceAuthInputSchema = z.object({
  type: z.literal('salesforce'),
  /** A token URL or just a login host (`https://test.salesforce.com`); '' uses the server's Salesforce login URL. */
  tokenUrl: salesforceTokenUrlSchema,
  username: usernameSchema,
  password: passwordSchema.optional(),
  clientId: clientIdSchema,
  clientSecret: secretSchema('Client secret').optional(),
});

/** Connected with `endpoints.connectUrl`; saving keeps the connection. */
export const slackAuthInputSchema = z.object({ type: z.literal('slack') });
export const msgraphAuthInputSchema = z.object({ type: z.literal('msgraph') });

export const remedyAuthInputSchema = z.object({
  type: z.literal('remedy'),
  username: usernameSchema,
  password: passwordSchema.optional(),
});

export const servicenowAuthInputSchema = z.object({
  type: z.literal('servicenow'),
  username: usernameSchema,
  password: passwordSchema.optional(),
});

/** Only the built-in Flowyard endpoint has it; saving that endpoint sends it back unchanged. */
export const flowyardAuthInputSchema = z.object({ type: z.literal('flowyard') });

export const authInputSchema = z.discriminatedUnion('type', [
  noAuthInputSchema,
  basicAuthInputSchema,
  oauth2AuthInputSchema,
  salesforceAuthInputSchema,
  slackAuthInputSchema,
  msgraphAuthInputSchema,
  remedyAuthInputSchema,
  servicenowAuthInputSchema,
  flowyardAuthInputSchema,
]);
export type AuthInput = z.infer<typeof authInputSchema>;

/** Who connected a Slack or Graph endpoint, as the dialog shows it; null until connected. */
export const connectionViewSchema = z.object({
  /** The provider's name for the account (Slack: team and user; Graph: the user's name). */
  account: z.string(),
  /** The Flowyard user who clicked Connect. */
  connectedBy: z.string(),
  /** ISO timestamp. */
  connectedAt: z.string(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

/**
 * What the API returns: secrets replaced by whether they are set. Slack and Graph:
 * `connectionDropped` is true once a save moved the base URL to another origin and so dropped the
 * connection (SPEC §7a); the dialog then offers "Connect again". The next Connect clears it.
 */
export const authViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('basic'),
    username: z.string(),
    preemptive: z.boolean(),
    passwordSet: z.boolean(),
  }),
  z.object({
    type: z.literal('oauth2'),
    tokenUrl: z.string(),
    username: z.string(),
    clientId: z.string(),
    passwordSet: z.boolean(),
    clientSecretSet: z.boolean(),
  }),
  z.object({
    type: z.literal('salesforce'),
    /** '' when the server's Salesforce login URL is used. */
    tokenUrl: z.string(),
    username: z.string(),
    clientId: z.string(),
    passwordSet: z.boolean(),
    clientSecretSet: z.boolean(),
  }),
  z.object({ type: z.literal('slack'), connection: connectionViewSchema.nullable(), connectionDropped: z.boolean() }),
  z.object({ type: z.literal('msgraph'), connection: connectionViewSchema.nullable(), connectionDropped: z.boolean() }),
  z.object({ type: z.literal('remedy'), username: z.string(), passwordSet: z.boolean() }),
  z.object({ type: z.literal('servicenow'), username: z.string(), passwordSet: z.boolean() }),
  z.object({ type: z.literal('flowyard') }),
]);
export type AuthView = z.infer<typeof authViewSchema>;

/** Tokens a Connect flow stored; the access token may be stale (the engine refreshes Graph's). */
export const connectedTokensSchema = z.object({
  accessToken: z.string(),
  /** Epoch milliseconds; null when the provider gave no lifetime. */
  expiresAt: z.number().nullable(),
  refreshToken: z.string().nullable(),
  /** Changes with every Connect, so a reconnect replaces cached tokens. */
  connectedAt: z.string(),
});
export type ConnectedTokens = z.infer<typeof connectedTokensSchema>;

/** A token endpoint and the client that calls it (Graph refresh, from the server's settings). */
export const oauthClientSchema = z.object({
  tokenUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
});
export type OAuthClient = z.infer<typeof oauthClientSchema>;

/** What the engine receives from its store: secrets decrypted, never leaving the server. */
export const resolvedAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('basic'),
    username: z.string(),
    password: z.string(),
    preemptive: z.boolean(),
  }),
  z.object({
    type: z.literal('oauth2'),
    tokenUrl: z.string(),
    username: z.string(),
    password: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
  }),
  z.object({
    type: z.literal('salesforce'),
    /** The full token URL (the server fills in its default). */
    tokenUrl: z.string(),
    username: z.string(),
    password: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
  }),
  /** `tokens` is null until someone connects the endpoint. */
  z.object({ type: z.literal('slack'), tokens: connectedTokensSchema.nullable() }),
  z.object({ type: z.literal('msgraph'), tokens: connectedTokensSchema.nullable(), client: oauthClientSchema.nullable() }),
  z.object({ type: z.literal('remedy'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('servicenow'), username: z.string(), password: z.string() }),
  /**
   * The built-in endpoint: `token` is the credential the server minted for the run (bound to its
   * user and the run, revoked when it ends); null outside a run, where requests cannot authenticate.
   */
  z.object({ type: z.literal('flowyard'), token: z.string().nullable() }),
]);
export type ResolvedAuth = z.infer<typeof resolvedAuthSchema>;
