import type { ConnectMessage } from '@flowyard/engine';
import type { ConnectOutcome } from './connect-service';

/**
 * The popup's last page: tells the opener how Connect went (`postMessage`, no secrets in it)
 * and closes. Without an opener (the page was opened on its own) it just says what happened.
 */
export function callbackPage(outcome: ConnectOutcome): string {
  const message: ConnectMessage = outcome.ok
    ? { type: 'flowyard:connected', endpointId: outcome.endpointId }
    : { type: 'flowyard:connect-failed', endpointId: outcome.endpointId, message: outcome.message };
  const text = outcome.ok ? 'Connected. You can close this window.' : `Connect failed: ${outcome.message}`;
  // `<` escaped so the JSON cannot end the script element.
  const json = JSON.stringify(message).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flowyard: ${outcome.ok ? 'connected' : 'Connect failed'}</title></head>
<body><p role="status">${escapeHtml(text)}</p>
<script>
(function () {
  var message = ${json};
  if (window.opener && !window.opener.closed) {
    // The message holds no secret; the dialog checks that it comes from the popup it opened.
    window.opener.postMessage(message, '*');
    window.close();
  }
})();
</script></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
