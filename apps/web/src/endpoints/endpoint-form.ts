import {
  endpointCreateSchema,
  endpointUpdateSchema,
  type AuthType,
  type EndpointView,
} from '@flowyard/engine/schemas';
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
  'auth.username',
  'auth.password',
  'auth.preemptive',
] as const;

/** Fresh auth settings for a type chosen in a new endpoint (Preemptive is on by default, SPEC §3). */
export function newAuthValues(type: AuthType): EndpointFormAuth {
  switch (type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: '', password: '', preemptive: true };
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
  const auth: EndpointFormAuth =
    endpoint.auth.type === 'basic'
      ? { type: 'basic', username: endpoint.auth.username, preemptive: endpoint.auth.preemptive }
      : { type: 'none' };
  return { name: endpoint.name, baseUrl: endpoint.baseUrl, trustSelfSigned: endpoint.trustSelfSigned, auth };
}

/** Trusting self-signed certificates only means something for https (SPEC §2). */
export function allowsSelfSigned(baseUrl: string): boolean {
  return /^https:\/\//i.test(baseUrl.trim());
}
