import { describe, expect, it } from 'vitest';
import {
  addressChange,
  allowsSelfSigned,
  endpointCreateFormSchema,
  endpointUpdateFormSchema,
  endpointValues,
  newAuthValues,
  newEndpointValues,
  reenterIssues,
  storedSecrets,
} from './endpoint-form';
import { endpointFormResolver } from './endpoint-form-resolver';
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
    const endpoint = storedEndpoint({ type: 'msgraph', connection: { account: 'Ada', connectedBy: 'admin', connectedAt: '2024-01-02T00:00:00Z' }, connectionDropped: false });
    expect(endpointValues(endpoint).auth).toEqual({ type: 'msgraph' });
    expect(storedSecrets(endpoint.auth)).toEqual({ 'auth.password': false, 'auth.clientSecret': false });
  });
});

describe('secrets bound to their address (SPEC §7a)', () => {
  const login = 'https://login.salesforce.com';
  const basic = storedEndpoint({ type: 'basic', username: 'bob', preemptive: true, passwordSet: true });
  const oauth2 = storedEndpoint({ type: 'oauth2', tokenUrl: 'https://auth.test/token', username: 'bob', clientId: 'app', passwordSet: true, clientSecretSet: true });
  const edited = (endpoint: EndpointView, baseUrl: string, auth = endpointValues(endpoint).auth) => ({ baseUrl, auth });

  it('asks for a secret again as soon as the base URL leaves its origin, not for a path change', () => {
    expect(addressChange(basic, edited(basic, 'https://a.test/v2'), login).secrets).toEqual({ 'auth.password': false, 'auth.clientSecret': false });
    expect(addressChange(basic, edited(basic, 'HTTPS://A.test:443/api'), login).secrets['auth.password']).toBe(false);
    expect(addressChange(basic, edited(basic, 'https://evil.test/api'), login).secrets).toEqual({ 'auth.password': true, 'auth.clientSecret': false });
    // Half-typed: anything that is not the same origin counts.
    expect(addressChange(basic, edited(basic, 'https://a.tes'), login).secrets['auth.password']).toBe(true);
  });

  it('OAuth2: a new token URL origin asks for both secrets', () => {
    const auth = { type: 'oauth2' as const, tokenUrl: 'https://evil.test/token', username: 'bob', clientId: 'app' };
    expect(addressChange(oauth2, edited(oauth2, oauth2.baseUrl, auth), login).secrets).toEqual({ 'auth.password': true, 'auth.clientSecret': true });
    expect(reenterIssues(oauth2, edited(oauth2, oauth2.baseUrl, { ...auth, password: 'typed' }), login)).toEqual([
      { path: 'auth.clientSecret', message: 'Re-enter the client secret to send it to the new address' },
    ]);
  });

  it('nothing moves while creating or while an imported endpoint chooses its type', () => {
    expect(addressChange(undefined, { baseUrl: 'https://x.test', auth: { type: 'basic', username: 'u', password: '' } }, login).secrets['auth.password']).toBe(false);
    const imported = { ...storedEndpoint({ type: 'none' }), needsCredentials: true };
    expect(reenterIssues(imported, { baseUrl: 'https://x.test', auth: { type: 'basic', username: 'u' } }, login)).toEqual([]);
  });

  it('a connected Slack or Graph endpoint moving its base URL drops the connection', () => {
    const graph = storedEndpoint({ type: 'msgraph', connection: { account: 'Ada', connectedBy: 'admin', connectedAt: '2024-01-02T00:00:00Z' }, connectionDropped: false });
    expect(addressChange(graph, edited(graph, 'https://evil.test'), login).connection).toBe(true);
    expect(addressChange(graph, edited(graph, 'https://a.test/v2'), login).connection).toBe(false);
    const notConnected = storedEndpoint({ type: 'slack', connection: null, connectionDropped: false });
    expect(addressChange(notConnected, edited(notConnected, 'https://evil.test'), login).connection).toBe(false);
  });

  it('Save is refused with the message on the field, also when the emptied input holds ""', async () => {
    const resolver = endpointFormResolver(() => ({ stored: basic, salesforceLoginUrl: login }));
    const options = { fields: {}, shouldUseNativeValidation: false } as const;
    const moved = await resolver({ name: 'Target', baseUrl: 'https://evil.test', trustSelfSigned: false, auth: { type: 'basic', username: 'bob', password: '' } }, undefined, options);
    expect(moved.errors).toMatchObject({ auth: { password: { message: 'Re-enter the password to send it to the new address' } } });
    const typed = await resolver({ name: 'Target', baseUrl: 'https://evil.test', trustSelfSigned: false, auth: { type: 'basic', username: 'bob', password: 'new' } }, undefined, options);
    expect(typed.errors).toEqual({});
    const pathOnly = await resolver({ name: 'Target', baseUrl: 'https://a.test/v2', trustSelfSigned: false, auth: { type: 'basic', username: 'bob' } }, undefined, options);
    expect(pathOnly.errors).toEqual({});
  });
});
