import type { ConnectMessage } from '@flowyard/engine';
import type { ConnectOutcome } from './connect-service';

/** The popup page's script, served as a file: the Content-Security-Policy allows no inline script. */
export const callbackScriptPath = '/oauth/callback.js';

/**
 * Reads the message from the page and posts it to the opener (no secrets in it; the dialog checks
 * that it comes from the popup it opened), then closes the popup. Opened on its own, the page
 * just says what happened.
 */
export const callbackScript = `(function () {
  var holder = document.getElementById('connect-message');
  if (!holder) return;
  var message = JSON.parse(holder.getAttribute('data-message'));
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, '*');
    window.close();
  }
})();
`;

/** The popup's last page: tells the opener how Connect went (`postMessage`, see callbackScript) and closes. */
export function callbackPage(outcome: ConnectOutcome): string {
  const message: ConnectMessage = outcome.ok
    ? { type: 'flowyard:connected', endpointId: outcome.endpointId }
    : { type: 'flowyard:connect-failed', endpointId: outcome.endpointId, message: outcome.message };
  const text = outcome.ok ? 'Connected. You can close this window.' : `Connect failed: ${outcome.message}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flowyard: ${outcome.ok ? 'connected' : 'Connect failed'}</title></head>
<body><p role="status" id="connect-message" data-message="${escapeHtml(JSON.stringify(message))}">${escapeHtml(text)}</p>
<script src="${callbackScriptPath}"></script></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
