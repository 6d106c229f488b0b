/**
 * Where the Flowyard server under test finds its mock providers: scripts/start-server.mjs starts
 * them on the server's port + 1 (FLOWYARD_E2E_PROVIDERS_PORT) and points the Slack, Microsoft and
 * Salesforce settings there. The paths are those of mocks/providers/start-mock-providers.ts.
 */
export function serverProviders(): { url: string; graphUrl: string; slackApiUrl: string; salesforceInstanceUrl: string } {
  const port = Number(process.env.FLOWYARD_E2E_PROVIDERS_PORT ?? Number(process.env.FLOWYARD_E2E_PORT ?? 3917) + 1);
  const url = `http://127.0.0.1:${port}`;
  return { url, graphUrl: `${url}/graph`, slackApiUrl: `${url}/slack/api`, salesforceInstanceUrl: `${url}/salesforce-instance` };
}
