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

/**
 * Where a Connect endpoint stands in the dialog: never connected, connected, connected but the
 * edited base URL is at another origin (saving drops it), or dropped by such a save (SPEC §7a).
 */
export type ConnectState = 'none' | 'connected' | 'moving' | 'dropped';

/** The state from the stored connection, a pending move of the base URL, and a drop already saved. */
export function connectState(connected: boolean, moving: boolean, dropped: boolean): ConnectState {
  if (connected) return moving ? 'moving' : 'connected';
  return dropped ? 'dropped' : 'none';
}

/** The Connect button's label in each state. */
export const connectActionLabels: Record<ConnectState, string> = {
  none: 'Connect',
  connected: 'Reconnect',
  moving: 'Connect again',
  dropped: 'Connect again',
};

/** What the dialog says in the states without a "Connected as …" line. */
export const connectStateText: Record<Exclude<ConnectState, 'connected'>, string> = {
  none: 'Not connected yet.',
  moving: 'The base URL now points to another address: saving drops this connection, so the endpoint must be connected again.',
  dropped: 'Not connected: the base URL moved to another address, which dropped the connection. Connect again to use it there.',
};
