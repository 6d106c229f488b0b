import { describe, expect, it } from 'vitest';
import { safeNextPath, signInHref } from './sign-in-redirect';

describe('safeNextPath', () => {
  it('keeps paths of this app with their query', () => {
    expect(safeNextPath('/flows/abc?step=n1')).toBe('/flows/abc?step=n1');
    expect(safeNextPath('/users')).toBe('/users');
  });

  it('falls back to the home page for anything that could leave the app', () => {
    for (const next of [null, undefined, '', 'flows', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('never sends back to the sign-in page', () => {
    expect(safeNextPath('/sign-in')).toBe('/');
    expect(safeNextPath('/sign-in?next=/users')).toBe('/');
  });
});

describe('signInHref', () => {
  it('carries the page to come back to', () => {
    expect(signInHref('/flows/abc?step=n1')).toBe('/sign-in?next=%2Fflows%2Fabc%3Fstep%3Dn1');
  });

  it('leaves out the home page', () => {
    expect(signInHref('/')).toBe('/sign-in');
  });
});
