import { describe, expect, it } from 'vitest';
import { connectedText } from './connection-text';

describe('connected text', () => {
  it('names the account and the day it was connected', () => {
    const text = connectedText({ account: 'Ada Lovelace', connectedBy: 'admin', connectedAt: '2025-03-03T14:05:00Z' }, 'en-GB');
    expect(text).toMatch(/^Connected as Ada Lovelace on \d+ Mar 2025, \d\d:\d\d$/);
  });

  it('shows an unreadable timestamp as stored', () => {
    expect(connectedText({ account: 'T', connectedBy: 'u', connectedAt: 'soon' })).toBe('Connected as T on soon');
  });
});
