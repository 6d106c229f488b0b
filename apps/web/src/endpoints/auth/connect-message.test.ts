import { describe, expect, it } from 'vitest';
import { readConnectMessage } from './connect-message';

describe('connect message', () => {
  it('reads a successful connection', () => {
    expect(readConnectMessage({ type: 'flowyard:connected', endpointId: 'e1' })).toEqual({ ok: true, endpointId: 'e1' });
  });

  it('reads a failure with its message', () => {
    expect(readConnectMessage({ type: 'flowyard:connect-failed', endpointId: 'e1', message: 'access_denied' })).toEqual({
      ok: false,
      endpointId: 'e1',
      message: 'access_denied',
    });
  });

  it('ignores anything else posted to the window', () => {
    expect(readConnectMessage('hello')).toBeNull();
    expect(readConnectMessage({ type: 'webpackOk' })).toBeNull();
    expect(readConnectMessage({ type: 'flowyard:connected' })).toBeNull();
  });
});
