import {
  endpointCreateSchema,
  endpointUpdateSchema,
  movedSecrets,
  unenteredSecretIssues,
  type AuthType,
  type AuthView,
  type EndpointView,
  type FieldIssue,
} from '@flowyard/engine/schemas';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

/** The create rules of the API, minus what the dialog supplies itself (the workflow). */
export const endpointCreateFormSchema = endpointCreateSchema.omit({ workflowId: true });
/** The update rules of the API, minus what the dialog supplies itself (the id). */
export const endpointUpdateFormSchema = endpointUpdateSchema.omit({ id: true });

export type EndpointFormValues = z.input<typeof endpointCreateFormSchema>;
/** What the form hands to the API after validation (names trimmed, base URL normalised). */
export type EndpointFormOutput = z.output<typeof endpointCreateFormSchema>;
export type EndpointFormAuth = EndpointFormValues['auth'];

/** Fields that show their own error; server issue paths are matched against these. */
export const endpointFormFields = [
  'name',
  'baseUrl',
  'trustSelfSigned',
  'auth.type',
  'auth.tokenUrl',
  'auth.username',
  'auth.password',
  'auth.preemptive',
  'auth.clientId',
  'auth.clientSecret',
] as const;

/** The write-only fields: shown as "set" with Replace once stored. */
export type SecretFieldName = 'auth.password' | 'auth.clientSecret';

/** Fresh auth settings for a type chosen in a new endpoint (Preemptive is on by default, SPEC §3). */
export function newAuthValues(type: AuthType): EndpointFormAuth {
  switch (type) {
    case 'none':
    case 'slack':
    case 'msgraph':
    case 'flowyard':
      return { type };
    case 'basic':
      return { type, username: '', password: '', preemptive: true };
    case 'oauth2':
    case 'salesforce':
      // Salesforce: '' means the server's Salesforce login URL (https://login.salesforce.com by default).
      return { type, tokenUrl: '', username: '', password: '', clientId: '', clientSecret: '' };
    case 'remedy':
    case 'servicenow':
      return { type, username: '', password: '' };
  }
}

export function newEndpointValues(authType: AuthType = 'none'): EndpointFormValues {
  return { name: '', baseUrl: '', trustSelfSigned: false, auth: newAuthValues(authType) };
}

/**
 * The form's starting values for a stored endpoint. The password is absent: it is write-only, and
 * leaving it absent on save keeps the stored one.
 */
export function endpointValues(endpoint: EndpointView): EndpointFormValues {
  return { name: endpoint.name, baseUrl: endpoint.baseUrl, trustSelfSigned: endpoint.trustSelfSigned, auth: authValues(endpoint.auth) };
}

/** The editable part of stored auth settings: everything but the secrets and the connection. */
function authValues(auth: AuthView): EndpointFormAuth {
  switch (auth.type) {
    case 'none':
    case 'slack':
    case 'msgraph':
    case 'flowyard':
      return { type: auth.type };
    case 'basic':
      return { type: auth.type, username: auth.username, preemptive: auth.preemptive };
    case 'oauth2':
    case 'salesforce':
      return { type: auth.type, tokenUrl: auth.tokenUrl, username: auth.username, clientId: auth.clientId };
    case 'remedy':
    case 'servicenow':
      return { type: auth.type, username: auth.username };
  }
}

/** Which secrets are stored, by form field; false while creating. */
export function storedSecrets(auth: AuthView | undefined): Record<SecretFieldName, boolean> {
  if (auth === undefined) return { 'auth.password': false, 'auth.clientSecret': false };
  switch (auth.type) {
    case 'none':
    case 'slack':
    case 'msgraph':
    case 'flowyard':
      return { 'auth.password': false, 'auth.clientSecret': false };
    case 'basic':
    case 'remedy':
    case 'servicenow':
      return { 'auth.password': auth.passwordSet, 'auth.clientSecret': false };
    case 'oauth2':
    case 'salesforce':
      return { 'auth.password': auth.passwordSet, 'auth.clientSecret': auth.clientSecretSet };
  }
}

/** Trusting self-signed certificates only means something for https (SPEC §2). */
export function allowsSelfSigned(baseUrl: string): boolean {
  return /^https:\/\//i.test(baseUrl.trim());
}

/** The endpoint dialog's form, as its parts receive it. */
export type EndpointFormApi = UseFormReturn<EndpointFormValues, unknown, EndpointFormOutput>;

/** Used for a Salesforce endpoint's empty token URL until the server's settings have loaded. */
export const defaultSalesforceLoginUrl = 'https://login.salesforce.com';

/** Where the edited endpoint would send things: its base URL and auth as they stand in the form. */
export interface EditedAddress {
  baseUrl: string;
  auth: EndpointFormAuth;
}

/**
 * SPEC §7a, as the dialog applies it while someone types: what the edit moves to another origin.
 * `secrets`: the typed secrets to enter again; `connection`: a stored Slack or Graph connection
 * that saving drops. Nothing moves while creating, or while an imported endpoint chooses its type.
 */
export function addressChange(stored: EndpointView | undefined, edited: EditedAddress, salesforceLoginUrl: string): { secrets: Record<SecretFieldName, boolean>; connection: boolean } {
  const none = { secrets: { 'auth.password': false, 'auth.clientSecret': false }, connection: false };
  if (stored === undefined || stored.auth.type !== edited.auth.type) return none;
  const moved = movedSecrets(stored, edited, salesforceLoginUrl);
  const connected = (stored.auth.type === 'slack' || stored.auth.type === 'msgraph') && stored.auth.connection !== null;
  return {
    secrets: { 'auth.password': moved.includes('password'), 'auth.clientSecret': moved.includes('clientSecret') },
    connection: connected && moved.includes('connection'),
  };
}

/** The issues Save meets when an edit moves a stored secret without it being typed again (the API's own rule). */
export function reenterIssues(stored: EndpointView | undefined, edited: EditedAddress, salesforceLoginUrl: string): FieldIssue[] {
  if (stored === undefined || stored.auth.type !== edited.auth.type) return [];
  return unenteredSecretIssues(stored, edited, salesforceLoginUrl);
}
