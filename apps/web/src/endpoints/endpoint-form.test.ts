import { describe, expect, it } from 'vitest';
import {
  allowsSelfSigned,
  endpointCreateFormSchema,
  endpointUpdateFormSchema,
  endpointValues,
  newEndpointValues,
} from './endpoint-form';

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
});
