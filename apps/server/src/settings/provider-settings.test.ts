import { describe, expect, it } from 'vitest';
import { connectRedirectUri, loadProviderSettings, microsoftTokenUrl } from './provider-settings';

describe('provider settings', () => {
  it('default to the real services, without Connect apps', () => {
    const settings = loadProviderSettings({}, 'http://localhost:3000/');
    expect(settings).toEqual({
      publicUrl: 'http://localhost:3000',
      salesforceLoginUrl: 'https://login.salesforce.com',
      slack: { url: 'https://slack.com', client: null },
      microsoft: { identityUrl: 'https://login.microsoftonline.com', graphUrl: 'https://graph.microsoft.com', tenant: 'common', client: null },
    });
    expect(microsoftTokenUrl(settings)).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(connectRedirectUri(settings)).toBe('http://localhost:3000/oauth/callback');
  });

  it('read every variable, trimming trailing slashes', () => {
    const settings = loadProviderSettings(
      {
        FLOWYARD_SLACK_URL: 'http://127.0.0.1:9000/slack/',
        FLOWYARD_SLACK_CLIENT_ID: 'sid',
        FLOWYARD_SLACK_CLIENT_SECRET: 'ssecret',
        FLOWYARD_MS_IDENTITY_URL: 'http://127.0.0.1:9000/microsoft',
        FLOWYARD_MS_GRAPH_URL: 'http://127.0.0.1:9000/graph',
        FLOWYARD_MS_TENANT: 'contoso.onmicrosoft.com',
        FLOWYARD_MS_CLIENT_ID: 'mid',
        FLOWYARD_MS_CLIENT_SECRET: 'msecret',
        FLOWYARD_SALESFORCE_LOGIN_URL: 'https://test.salesforce.com/',
      },
      'https://flowyard.example.com',
    );
    expect(settings.slack).toEqual({ url: 'http://127.0.0.1:9000/slack', client: { clientId: 'sid', clientSecret: 'ssecret' } });
    expect(settings.microsoft.client).toEqual({ clientId: 'mid', clientSecret: 'msecret' });
    expect(microsoftTokenUrl(settings)).toBe('http://127.0.0.1:9000/microsoft/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(settings.salesforceLoginUrl).toBe('https://test.salesforce.com');
  });

  it('need both the client id and the secret for a Connect app', () => {
    expect(loadProviderSettings({ FLOWYARD_SLACK_CLIENT_ID: 'only-id' }, 'http://x').slack.client).toBeNull();
  });

  it('reject a malformed URL naming the variable', () => {
    expect(() => loadProviderSettings({ FLOWYARD_MS_IDENTITY_URL: 'ftp://nope' }, 'http://x')).toThrow(/FLOWYARD_MS_IDENTITY_URL/);
  });
});
