import type { APIRequestContext } from '@playwright/test';

/** A JSON object as read from the wire, narrowed field by field by the helpers below. */
export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, key: string): unknown {
  if (!isJsonObject(value)) throw new Error(`expected an object holding "${key}", got ${JSON.stringify(value)}`);
  return value[key];
}

export function stringField(value: unknown, key: string): string {
  const found = field(value, key);
  if (typeof found !== 'string') throw new Error(`expected "${key}" to be a string, got ${JSON.stringify(found)}`);
  return found;
}

export function numberField(value: unknown, key: string): number {
  const found = field(value, key);
  if (typeof found !== 'number') throw new Error(`expected "${key}" to be a number, got ${JSON.stringify(found)}`);
  return found;
}

export function arrayOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected ${what} to be an array, got ${JSON.stringify(value)}`);
  return value;
}

/** The header the server requires on mutations (its cross-site request protection); the web client sends it too. */
export const csrfHeader = { 'x-flowyard-csrf': '1' } as const;

/**
 * Calls the app's tRPC API the way its web client does, minus batching (tRPC accepts
 * both): queries as GET with `?input=`, mutations as POST with a JSON body and the CSRF
 * header, no transformer. It is signed in when its request context carries a session
 * cookie (the `request` fixture does: use.storageState in playwright.config.ts).
 */
export class TrpcHttp {
  constructor(private readonly request: APIRequestContext) {}

  async query(path: string, input?: unknown): Promise<unknown> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await this.request.get(`/trpc/${path}${search}`);
    return unwrap(path, response.status(), await response.text());
  }

  async mutation(path: string, input: unknown): Promise<unknown> {
    const response = await this.request.post(`/trpc/${path}`, { data: input, headers: csrfHeader });
    return unwrap(path, response.status(), await response.text());
  }
}

function unwrap(path: string, status: number, text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`tRPC ${path} answered ${status} with non-JSON: ${text.slice(0, 500)}`);
  }
  if (status >= 400 || field(body, 'error') !== undefined) {
    throw new Error(`tRPC ${path} failed (${status}): ${JSON.stringify(field(body, 'error') ?? body).slice(0, 1000)}`);
  }
  return field(field(body, 'result'), 'data');
}
