import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { setSession } from './use-session';

const sessionKey = [['auth', 'session'], { type: 'query' }] as const;
const user = { id: 'u1', name: 'Ada', email: 'ada@example.test', role: 'developer', disabled: false, createdAt: '2024-01-01T00:00:00Z' } as const;

describe('setSession', () => {
  it('keeps only the new session: nothing cached for the previous user survives', () => {
    const client = new QueryClient();
    client.setQueryData(sessionKey, user);
    client.setQueryData([['flows', 'list'], { input: { workflowId: 'w' }, type: 'query' }], [{ id: 'f1' }]);
    client.setQueryData([['users', 'list'], { type: 'query' }], [user]);

    setSession(client, sessionKey, null);

    expect(client.getQueryData(sessionKey)).toBeNull();
    expect(client.getQueryCache().getAll().map((query) => query.queryKey)).toEqual([sessionKey]);
  });

  it('stores who signed in', () => {
    const client = new QueryClient();
    client.setQueryData(sessionKey, null);
    setSession(client, sessionKey, user);
    expect(client.getQueryData(sessionKey)).toEqual(user);
  });
});
