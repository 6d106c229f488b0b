import type { AuthStrategy } from './auth-strategy';

/** No Authorization: the request goes as the step wrote it. */
export const noneAuth: AuthStrategy<{ type: 'none' }> = {
  type: 'none',
  secrets: () => [],
  send: (_auth, attempt) => attempt({}),
};
