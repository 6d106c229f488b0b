// Test support: a `request` implementation that sends a script's requests with undici to
// local servers, standing in for the step that resolves endpoints through the HttpClient.
import { request } from 'undici';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import { joinUrl } from '../http/join-url';
import type { RunScriptOptions, ScriptHttpRequest, ScriptHttpResponse } from './script-types';

/** Resolves endpoint names to base URLs (SPEC §2 joining) and records what the script sent. */
export function requestVia(endpoints: Record<string, string>, sent: ScriptHttpRequest[] = []): RunScriptOptions['request'] {
  return async (script, signal) => {
    sent.push(script);
    const baseUrl = endpoints[script.endpoint];
    if (baseUrl === undefined) throw new FlowyardError('ENDPOINT_NOT_FOUND', `There is no endpoint named "${script.endpoint}"`);
    const url = joinUrl(baseUrl, script.path, { autoEncodeURI: script.autoEncodeURI });
    try {
      const response = await request(url, { method: script.method, headers: script.headers, body: script.body ?? undefined, signal });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const result: ScriptHttpResponse = { statusCode: response.statusCode, headers, body: await response.body.text() };
      return result;
    } catch (error) {
      if (isFlowyardError(error)) throw error;
      throw new FlowyardError('HTTP_CONNECT_FAILED', `Could not connect to ${url}: ${error instanceof Error ? error.message : String(error)}`, {
        details: { url },
      });
    }
  };
}

/** Options for a script that needs no I/O beyond what the test gives. */
export function scriptOptions(source: string, extra: Partial<RunScriptOptions> = {}): RunScriptOptions {
  return {
    source,
    input: {},
    constants: {},
    libraries: {},
    request: () => Promise.reject(new FlowyardError('ENDPOINT_NOT_FOUND', 'No endpoints in this test')),
    ...extra,
  };
}
