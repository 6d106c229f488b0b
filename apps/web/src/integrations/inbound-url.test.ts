import { describe, expect, it } from 'vitest';
import { callerUrl, inboundCurl, inboundUrl } from './inbound-url';

describe('inbound URLs', () => {
  it('joins the public URL and the path with one slash', () => {
    expect(inboundUrl('https://fy.example.com/', '/inbound/abc')).toBe('https://fy.example.com/inbound/abc');
  });

  it('puts the token (or its placeholder) after the path for URL authentication only', () => {
    expect(callerUrl('http://h', '/inbound/a', { type: 'apiKey' })).toBe('http://h/inbound/a');
    expect(callerUrl('http://h', '/inbound/a', { type: 'url', actAsUserId: 'u' })).toBe('http://h/inbound/a/<token>');
    expect(callerUrl('http://h', '/inbound/a', { type: 'url', actAsUserId: 'u' }, 'T0K')).toBe('http://h/inbound/a/T0K');
  });

  it('shows a JSON call with a key, or a form post to the tokened URL, quoted for the shell', () => {
    expect(inboundCurl("http://h/inbound/it's", { type: 'apiKey' })).toContain(`'http://h/inbound/it'\\''s'`);
    expect(inboundCurl('http://h/inbound/a', { type: 'apiKey' })).toContain('Authorization: Bearer <your API key>');
    const form = inboundCurl('http://h/inbound/a/<token>', { type: 'url', actAsUserId: 'u' });
    expect(form).toContain("-d 'id=42'");
    expect(form).not.toContain('Authorization');
  });
});
