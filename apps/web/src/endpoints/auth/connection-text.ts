import type { ConnectAuthType, ConnectionView } from '@flowyard/engine/schemas';

/** The provider a Connect button signs in to, as people name it. */
export const providerNames: Record<ConnectAuthType, string> = {
  slack: 'Slack',
  msgraph: 'Microsoft',
};

/** "Connected as Ada Lovelace on 3 Mar 2025, 14:05": who connected the endpoint and when. */
export function connectedText(connection: ConnectionView, locale?: string): string {
  const at = new Date(connection.connectedAt);
  const when = Number.isNaN(at.getTime())
    ? connection.connectedAt
    : at.toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `Connected as ${connection.account} on ${when}`;
}

/** Shown when `window.open` returned null. */
export const popupBlockedMessage = 'The browser blocked the pop-up; allow pop-ups for this site and try again';
