import { REDACTED } from '../http/redact';

// Form fields of token and login requests whose values are credentials.
const secretFormFields = new Set(['password', 'client_secret', 'refresh_token', 'code', 'code_verifier', 'client_assertion', 'assertion']);
// Answer fields that carry tokens or secrets.
const secretAnswerField = /token|secret|password|assertion|^code$/i;

/** A token request's form as recorded: credential fields shown as `[redacted]`, the rest as sent. */
export function redactedForm(form: URLSearchParams): string {
  const parts: string[] = [];
  for (const [name, value] of form) {
    parts.push(`${encodeURIComponent(name)}=${secretFormFields.has(name) ? REDACTED : encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/**
 * A token endpoint's answer as recorded: JSON token fields replaced by `[redacted]`; a successful
 * plain-text answer (Remedy's token) redacted whole. `found` receives every value it hid.
 */
export function redactedTokenAnswer(status: number, body: string, found: (secret: string) => void): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.trim();
    if (status >= 200 && status <= 299 && text !== '') {
      found(text);
      return REDACTED;
    }
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string' && secretAnswerField.test(key) && !/type$/i.test(key)) {
      found(value);
      shown[key] = REDACTED;
    } else {
      shown[key] = value;
    }
  }
  return JSON.stringify(shown);
}
