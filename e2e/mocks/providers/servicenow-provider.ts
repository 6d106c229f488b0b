import type { MockProvider, ProviderRequest, ProviderResponse } from './provider-server';

/**
 * A ServiceNow instance under `/<prefix>`: the table API `/api/now/table/{table}` with Basic
 * credentials (401 with ServiceNow's error body and a Basic challenge otherwise).
 */
export function serviceNowProvider(options: { prefix: string; username: string; password: string }): MockProvider {
  const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const table = (request: ProviderRequest): ProviderResponse => {
    if (request.headers.authorization !== expected) {
      return {
        status: 401,
        headers: { 'www-authenticate': 'BASIC realm="Service-now"' },
        json: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' },
      };
    }
    const name = request.path.slice('/api/now/table/'.length);
    if (name === 'sys_user') return { json: { result: [{ user_name: options.username, name: 'Mock Admin' }] } };
    if (name === 'incident' && request.method === 'POST') return { status: 201, json: { result: { number: 'INC0010001', sys_id: 'mock-sys-id', ...safeJson(request.body) } } };
    return { json: { result: name === 'incident' ? [{ number: 'INC0000001', short_description: 'Mock incident', state: '1' }] : [] } };
  };
  return {
    prefix: options.prefix,
    routes: Object.fromEntries(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => [`${method} /api/now/table/*`, table])),
  };
}

function safeJson(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {};
  } catch {
    return {};
  }
}
