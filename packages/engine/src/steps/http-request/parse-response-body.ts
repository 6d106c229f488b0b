import type { Json } from '../../run/run-record';

const jsonContentType = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The response body as a step output: parsed when the response says it is JSON and parses, text otherwise. */
export function parseResponseBody(body: string, contentType: string | undefined): Json {
  if (contentType === undefined || !jsonContentType.test(contentType) || body.trim() === '') return body;
  try {
    return parseJson(body);
  } catch {
    return body;
  }
}

function parseJson(text: string): Json {
  // JSON.parse only ever yields JSON values.
  const value: Json = JSON.parse(text);
  return value;
}
