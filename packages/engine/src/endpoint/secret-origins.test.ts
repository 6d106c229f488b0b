import { describe, expect, it } from 'vitest';
import { movedSecrets, secretOrigins, unenteredSecretIssues, urlOrigin, type SecretAddress } from './secret-origins';

const login = 'https://login.salesforce.com';
const origins = (endpoint: SecretAddress) => Object.fromEntries(secretOrigins(endpoint, login));
const moved = (before: SecretAddress, after: SecretAddress) => movedSecrets(before, after, login);

describe('urlOrigin', () => {
  it('normalises default ports and the case of scheme and host', () => {
    expect(urlOrigin('https://x.example:443/a')).toBe('https://x.example');
    expect(urlOrigin('HTTPS://X.Example/a')).toBe('https://x.example');
    expect(urlOrigin('http://x.example:80')).toBe('http://x.example');
    expect(urlOrigin('http://x.example:8080/a')).toBe('http://x.example:8080');
  });

  it('keeps what is not an http(s) URL as typed, so it never equals a real origin', () => {
    expect(urlOrigin(' https:/')).toBe('https:/');
    expect(urlOrigin('ftp://x.example')).toBe('ftp://x.example');
  });
});

describe('secretOrigins', () => {
  it('password-only types: the base URL origin', () => {
    for (const type of ['basic', 'remedy', 'servicenow'] as const) {
      expect(origins({ baseUrl: 'https://api.example.com/v1', auth: { type } })).toEqual({ password: ['https://api.example.com'] });
    }
  });

  it('OAuth2: both secrets go to the token URL, and the token they buy to the base URL', () => {
    const endpoint: SecretAddress = { baseUrl: 'https://api.example.com/v1', auth: { type: 'oauth2', tokenUrl: 'https://idp.example.com/oauth/token' } };
    expect(origins(endpoint)).toEqual({
      password: ['https://idp.example.com', 'https://api.example.com'],
      clientSecret: ['https://idp.example.com', 'https://api.example.com'],
    });
  });

  it("Salesforce: an empty token URL is the server's login URL", () => {
    expect(origins({ baseUrl: 'https://na1.example.com', auth: { type: 'salesforce', tokenUrl: '' } })).toEqual({
      password: [login, 'https://na1.example.com'],
      clientSecret: [login, 'https://na1.example.com'],
    });
    expect(origins({ baseUrl: 'https://na1.example.com', auth: { type: 'salesforce' } }).password).toEqual([login, 'https://na1.example.com']);
  });

  it('Slack and Graph: the connection belongs to the base URL; none and flowyard hold nothing', () => {
    expect(origins({ baseUrl: 'https://slack.com/api', auth: { type: 'slack' } })).toEqual({ connection: ['https://slack.com'] });
    expect(origins({ baseUrl: 'https://graph.microsoft.com', auth: { type: 'msgraph' } })).toEqual({ connection: ['https://graph.microsoft.com'] });
    expect(origins({ baseUrl: 'https://x.example', auth: { type: 'none' } })).toEqual({});
    expect(origins({ baseUrl: 'https://x.example', auth: { type: 'flowyard' } })).toEqual({});
  });
});

describe('movedSecrets', () => {
  const basic = (baseUrl: string): SecretAddress => ({ baseUrl, auth: { type: 'basic' } });
  const oauth2 = (baseUrl: string, tokenUrl: string): SecretAddress => ({ baseUrl, auth: { type: 'oauth2', tokenUrl } });

  it('a path change within the origin moves nothing; a new host, scheme or port moves the password', () => {
    expect(moved(basic('https://api.example.com/v1'), basic('https://api.example.com/v2/orders'))).toEqual([]);
    expect(moved(basic('https://api.example.com'), basic('https://API.Example.com:443/v2'))).toEqual([]);
    expect(moved(basic('https://api.example.com'), basic('https://evil.example.com'))).toEqual(['password']);
    expect(moved(basic('https://api.example.com'), basic('http://api.example.com'))).toEqual(['password']);
    expect(moved(basic('https://api.example.com'), basic('https://api.example.com:8443'))).toEqual(['password']);
    expect(moved(basic('http://127.0.0.1:4000/a'), basic('http://127.0.0.2:4000/a'))).toEqual(['password']);
  });

  it('OAuth2: moving either the token URL or the base URL to another origin moves both secrets', () => {
    const before = oauth2('https://api.example.com', 'https://idp.example.com/token');
    expect(moved(before, oauth2('https://api.example.com/v2', 'https://idp.example.com/oauth2/token'))).toEqual([]);
    expect(moved(before, oauth2('https://api.example.com', 'https://evil.example.com/token'))).toEqual(['password', 'clientSecret']);
    expect(moved(before, oauth2('https://evil.example.com', 'https://idp.example.com/token'))).toEqual(['password', 'clientSecret']);
  });

  it('OAuth2: a token URL moved onto the base URL origin is a move, although no new origin appears', () => {
    expect(moved(oauth2('https://api.example.com', 'https://idp.example.com/token'), oauth2('https://api.example.com', 'https://api.example.com/token'))).toEqual([
      'password',
      'clientSecret',
    ]);
  });

  it("Salesforce: an empty token URL and the login URL itself are the same address", () => {
    const before: SecretAddress = { baseUrl: 'https://na1.example.com', auth: { type: 'salesforce', tokenUrl: '' } };
    expect(moved(before, { baseUrl: 'https://na1.example.com', auth: { type: 'salesforce', tokenUrl: `${login}/services/oauth2/token` } })).toEqual([]);
    expect(moved(before, { baseUrl: 'https://na1.example.com', auth: { type: 'salesforce', tokenUrl: 'https://test.salesforce.com' } })).toEqual([
      'password',
      'clientSecret',
    ]);
    expect(movedSecrets(before, before, 'https://other-login.example.com')).toEqual([]);
  });

  it('Slack and Graph: a new base URL origin moves the connection', () => {
    expect(moved({ baseUrl: 'https://slack.com/api', auth: { type: 'slack' } }, { baseUrl: 'https://slack.com/api/v2', auth: { type: 'slack' } })).toEqual([]);
    expect(moved({ baseUrl: 'https://graph.microsoft.com', auth: { type: 'msgraph' } }, { baseUrl: 'https://evil.example.com', auth: { type: 'msgraph' } })).toEqual([
      'connection',
    ]);
  });

  it('a secret the old type did not have counts as moved (a type chosen on first save)', () => {
    expect(moved({ baseUrl: 'https://x.example', auth: { type: 'none' } }, { baseUrl: 'https://x.example', auth: { type: 'remedy' } })).toEqual(['password']);
  });
});

describe('unenteredSecretIssues', () => {
  const before: SecretAddress = { baseUrl: 'https://api.example.com', auth: { type: 'oauth2', tokenUrl: 'https://idp.example.com/token' } };

  it('names every moved secret that was left empty, with the message the dialog shows', () => {
    const moved = (password: string): SecretAddress => ({ baseUrl: 'https://api.example.com', auth: { type: 'oauth2', tokenUrl: 'https://evil.example.com/token', password } });
    const after = moved('');
    expect(unenteredSecretIssues(before, after, login)).toEqual([
      { path: 'auth.password', message: 'Re-enter the password to send it to the new address' },
      { path: 'auth.clientSecret', message: 'Re-enter the client secret to send it to the new address' },
    ]);
    expect(unenteredSecretIssues(before, moved('new-pw'), login).map((issue) => issue.path)).toEqual(['auth.clientSecret']);
  });

  it('asks nothing when the origins stay, or for a connection (it is dropped instead)', () => {
    expect(unenteredSecretIssues(before, { ...before, baseUrl: 'https://api.example.com/v2' }, login)).toEqual([]);
    expect(unenteredSecretIssues({ baseUrl: 'https://slack.com', auth: { type: 'slack' } }, { baseUrl: 'https://evil.example.com', auth: { type: 'slack' } }, login)).toEqual([]);
  });

  it('password-only types', () => {
    const stored: SecretAddress = { baseUrl: 'https://itsm.example.com', auth: { type: 'remedy' } };
    expect(unenteredSecretIssues(stored, { baseUrl: 'https://evil.example.com', auth: { type: 'remedy' } }, login)).toEqual([
      { path: 'auth.password', message: 'Re-enter the password to send it to the new address' },
    ]);
    expect(unenteredSecretIssues(stored, { baseUrl: 'https://evil.example.com', auth: { type: 'remedy', password: 'again' } }, login)).toEqual([]);
  });
});
