import { describe, expect, it } from 'vitest';
import { connectActionLabels, connectedText, connectState } from './connection-text';

describe('connected text', () => {
  it('names the account and the day it was connected', () => {
    const text = connectedText({ account: 'Ada Lovelace', connectedBy: 'admin', connectedAt: '2025-03-03T14:05:00Z' }, 'en-GB');
    expect(text).toMatch(/^Connected as Ada Lovelace on \d+ Mar 2025, \d\d:\d\d$/);
  });

  it('shows an unreadable timestamp as stored', () => {
    expect(connectedText({ account: 'T', connectedBy: 'u', connectedAt: 'soon' })).toBe('Connected as T on soon');
  });
});

describe('connect state (SPEC §7a)', () => {
  it('offers "Connect again" while a move is pending and after a move dropped the connection', () => {
    expect(connectActionLabels[connectState(false, false, false)]).toBe('Connect');
    expect(connectActionLabels[connectState(true, false, false)]).toBe('Reconnect');
    expect(connectActionLabels[connectState(true, true, false)]).toBe('Connect again');
    expect(connectActionLabels[connectState(false, false, true)]).toBe('Connect again');
    // Nothing to drop when nothing is connected: a pending move changes nothing.
    expect(connectState(false, true, false)).toBe('none');
  });
});
