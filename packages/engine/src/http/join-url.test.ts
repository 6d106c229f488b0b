import { describe, expect, it } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import { joinUrl, requestTarget } from './join-url';

describe('joinUrl', () => {
  it.each([
    ['https://api.example.com', '/users', 'https://api.example.com/users'],
    ['https://api.example.com', 'users', 'https://api.example.com/users'],
    ['https://api.example.com/', '/users', 'https://api.example.com/users'],
    ['https://api.example.com/', 'users', 'https://api.example.com/users'],
    ['https://api.example.com//', '//users', 'https://api.example.com/users'],
    ['https://api.example.com/v2', '/users', 'https://api.example.com/v2/users'],
    ['https://api.example.com/v2', 'users', 'https://api.example.com/v2/users'],
    ['https://api.example.com/v2/', '/users/', 'https://api.example.com/v2/users/'],
    ['https://api.example.com', '', 'https://api.example.com/'],
    ['https://api.example.com/v2', '', 'https://api.example.com/v2'],
    ['https://api.example.com/v2', '/', 'https://api.example.com/v2/'],
    ['https://api.example.com/v2', '?q=1', 'https://api.example.com/v2?q=1'],
    ['https://api.example.com', '?q=1', 'https://api.example.com/?q=1'],
    ['https://api.example.com/v2', '/search?q=a&limit=10', 'https://api.example.com/v2/search?q=a&limit=10'],
    ['http://127.0.0.1:8080/api', 'items/1', 'http://127.0.0.1:8080/api/items/1'],
    ['https://api.example.com:443', '/x', 'https://api.example.com/x'],
    ['http://[::1]:8080', '/x', 'http://[::1]:8080/x'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
    expect(joinUrl(base, path, { autoEncodeURI: false })).toBe(expected);
  });

  it.each([
    ['/a b', '/a%20b'],
    ['/already%20encoded', '/already%20encoded'],
    ['/mixed%20and space', '/mixed%20and%20space'],
    ['/lower%2fhex', '/lower%2fhex'],
    ['/100%', '/100%25'],
    ['/100%zz', '/100%25zz'],
    ['/caf\u00e9', '/caf%C3%A9'],
    ['/\u{1F600}', '/%F0%9F%98%80'],
    ['/search?q=hello world&x=%41', '/search?q=hello%20world&x=%41'],
    ['/search?q=a+b&tags=x,y', '/search?q=a+b&tags=x,y'],
    ['/q?name="quoted"<tag>', '/q?name=%22quoted%22%3Ctag%3E'],
    ['/a|b\\c^d`e{f}', '/a%7Cb%5Cc%5Ed%60e%7Bf%7D'],
    ['/frag#ment', '/frag%23ment'],
    ['/[bracket]', '/%5Bbracket%5D'],
    ["/keep:@!$&'()*+,;=-._~", "/keep:@!$&'()*+,;=-._~"],
    ['/tab\there', '/tab%09here'],
    ['/lone\uD800surrogate', '/lone%EF%BF%BDsurrogate'],
  ])('autoEncodeURI encodes %s as %s without double-encoding', (path, expected) => {
    expect(joinUrl('https://h.example/base', path)).toBe(`https://h.example/base${expected}`);
  });

  it('encodes a base path prefix once (the URL parser already did)', () => {
    expect(joinUrl('https://h.example/my%20api', 'x y')).toBe('https://h.example/my%20api/x%20y');
  });

  it('uses the path verbatim when autoEncodeURI is off', () => {
    expect(joinUrl('https://h.example', '/a%2Fb?x=%20', { autoEncodeURI: false })).toBe('https://h.example/a%2Fb?x=%20');
  });

  it.each([
    ['/a b', /space at position 3/],
    ['/caf\u00e9', /"\u00e9" at position 5/],
    ['/100%', /"%" at position 5 is not followed by two hex digits/],
    ['/x#y', /"#" at position 3/],
    ['/a\nb', /control character/],
  ])('refuses %j verbatim with VALIDATION_FAILED', (path, message) => {
    let caught: unknown;
    try {
      joinUrl('https://h.example', path, { autoEncodeURI: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlowyardError);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'path' }] });
    expect(String(caught)).toMatch(message);
  });

  it('splits origin and request path', () => {
    expect(requestTarget('http://127.0.0.1:9000/api/', '/v1/items?x=1')).toEqual({
      origin: 'http://127.0.0.1:9000',
      path: '/api/v1/items?x=1',
      url: 'http://127.0.0.1:9000/api/v1/items?x=1',
    });
  });
});
