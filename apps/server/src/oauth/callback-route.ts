import type { Express } from 'express';
import type { AppServices } from '../compose';
import { log } from '../log';
import { callbackPage, callbackScript, callbackScriptPath } from './callback-page';

/** Connect's redirect target: `GET /oauth/callback?code=…&state=…` (or `error=…`) from Slack or Microsoft. */
export const oauthCallbackPath = '/oauth/callback';

/** Mounts the Connect callback: resolves who is calling, finishes the flow and answers the popup page. */
export function mountOAuthCallback(app: Express, services: AppServices): void {
  app.get(oauthCallbackPath, async (req, res) => {
    const params = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    let user;
    try {
      user = await services.resolveUser(req);
    } catch (error) {
      log.error('Could not resolve the user of a Connect callback', error);
      user = undefined;
    }
    const outcome = await services.endpoints.completeConnect(params, user);
    if (!outcome.ok) log.warn(`Connect failed for endpoint ${outcome.endpointId ?? '(unknown)'}: ${outcome.message}`);
    // The popup's opener must stay reachable after the provider's pages (no COOP here).
    res.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
    res.status(outcome.ok ? 200 : 400).setHeader('Cache-Control', 'no-store').type('html').send(callbackPage(outcome));
  });
  app.get(callbackScriptPath, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache').type('text/javascript').send(callbackScript);
  });
}
