import { describe, expect, it } from 'vitest';
import { siteOrigins } from './cross-site-guard';

describe('siteOrigins', () => {
  it('accepts the public URL’s origin and the allowed ones, and loopback addresses only for a localhost public URL', () => {
    expect([...siteOrigins('https://flows.example.com/base', ['http://10.0.0.5:8080']).allowed]).toEqual(['https://flows.example.com', 'http://10.0.0.5:8080']);
    expect([...siteOrigins('http://localhost:3000', []).allowed]).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
    expect(siteOrigins('http://localhost:3000', []).publicOrigin).toBe('http://localhost:3000');
  });
});
