import { describe, expect, it } from 'vitest';
import {
  allowsSelfSigned,
  endpointCreateFormSchema,
  endpointUpdateFormSchema,
  endpointValues,
  newAuthValues,
  newEndpointValues,
  storedSecrets,
} from './endpoint-form';
import { authTypes, type EndpointView } from '@flowyard/engine/schemas';

function storedEndpoint(auth: EndpointView['auth']): EndpointView {
  return {
    id: 'e1',
    workflowId: 'w1',
    name: 'Target',
    baseUrl: 'https://a.test/api',
    trustSelfSigned: false,
    auth,
    needsCredentials: false,
    builtIn: false,
    usageCount: 0,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  };
}

describe('endpoint form', () => {
  it('allows self-signed only for https base URLs', () => {
    expect(allowsSelfSigned('https://api.example.com')).toBe(true);
    expect(allowsSelfSigned('  HTTPS://api.example.com')).toBe(true);
    expect(allowsSelfSigned('http://api.example.com')).toBe(false);
    expect(allowsSelfSigned('https:/oops')).toBe(false);
    expect(allowsSelfSigned('')).toBe(false);
  });

  it('starts a new Basic endpoint with Preemptive on and requires its password', () => {
    const values = newEndpointValues('basic');
    expect(values.auth).toEqual({ type: 'basic', username: '', password: '', preemptive: true });
    const result = endpointCreateFormSchema.safeParse({ ...values, name: 'A', baseUrl: 'https://a.test', auth: { ...values.auth, username: 'u' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['auth.password']);
  });

  it('leaves the password out when editing so the stored one is kept', () => {
    const values = endpointValues({
      id: 'e1',
      workflowId: 'w1',
      name: 'Target',
      baseUrl: 'https://a.test/api',
      trustSelfSigned: true,
      auth: { type: 'basic', username: 'bob', preemptive: false, passwordSet: true },
      needsCredentials: false,
      builtIn: false,
      usageCount: 2,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    expect(values).toEqual({
      name: 'Target',
      baseUrl: 'https://a.test/api',
      trustSelfSigned: true,
      auth: { type: 'basic', username: 'bob', preemptive: false },
    });
    const parsed = endpointUpdateFormSchema.parse(values);
    expect(parsed.auth).toEqual({ type: 'basic', username: 'bob', preemptive: false });
  });

  it('uses the API rules for names and base URLs', () => {
    const result = endpointCreateFormSchema.safeParse({ ...newEndpointValues(), name: '  ', baseUrl: 'ftp://x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['baseUrl', 'name']);
  });

  it('starts every auth type with values of that type', () => {
    for (const type of authTypes) expect(newAuthValues(type).type).toBe(type);
  });

  it('requires every OAuth2 field and both secrets when creating', () => {
    const result = endpointCreateFormSchema.safeParse({ ...newEndpointValues('oauth2'), name: 'A', baseUrl: 'https://a.test' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'auth.clientId',
      'auth.clientSecret',
      'auth.password',
      'auth.tokenUrl',
      'auth.username',
    ]);
  });

  it('lets a new Salesforce endpoint leave the token URL empty for the default login', () => {
    const values = newEndpointValues('salesforce');
    const parsed = endpointCreateFormSchema.parse({
      ...values,
      name: 'SF',
      baseUrl: 'https://sf.test',
      auth: { ...values.auth, username: 'u', password: 'p', clientId: 'c', clientSecret: 's' },
    });
    expect(parsed.auth).toMatchObject({ type: 'salesforce', tokenUrl: '' });
  });

  it('edits OAuth2 without its secrets, so both stored ones are kept', () => {
    const endpoint = storedEndpoint({
      type: 'oauth2',
      tokenUrl: 'https://auth.test/token',
      username: 'bob',
      clientId: 'app',
      passwordSet: true,
      clientSecretSet: true,
    });
    const values = endpointValues(endpoint);
    expect(values.auth).toEqual({ type: 'oauth2', tokenUrl: 'https://auth.test/token', username: 'bob', clientId: 'app' });
    expect(endpointUpdateFormSchema.parse(values).auth).toEqual(values.auth);
    expect(storedSecrets(endpoint.auth)).toEqual({ 'auth.password': true, 'auth.clientSecret': true });
  });

  it('keeps a Connect endpoint to its type: the connection is not part of the form', () => {
    const endpoint = storedEndpoint({ type: 'msgraph', connection: { account: 'Ada', connectedBy: 'admin', connectedAt: '2024-01-02T00:00:00Z' } });
    expect(endpointValues(endpoint).auth).toEqual({ type: 'msgraph' });
    expect(storedSecrets(endpoint.auth)).toEqual({ 'auth.password': false, 'auth.clientSecret': false });
  });
});
