import { useCallback, useEffect, useRef, useState } from 'react';
import { readConnectMessage } from './connect-message';

/** The popup's window name: a second Connect reuses the same window instead of opening another. */
export const CONNECT_POPUP_NAME = 'flowyard-connect';
export const CONNECT_POPUP_FEATURES = 'width=600,height=700';

export type ConnectState =
  | { status: 'idle' }
  | { status: 'waiting' }
  | { status: 'blocked' }
  | { status: 'failed'; message: string };

export interface ConnectPopup {
  state: ConnectState;
  /**
   * Opens the popup at once (it must happen inside the click, or the browser blocks it), then
   * sends it to the URL `prepare` resolves to. `prepare` returning null means "stop quietly"
   * (e.g. the form showed its own errors).
   */
  start(prepare: () => Promise<string | null>): void;
}

export interface ConnectPopupOptions {
  endpointId: string | undefined;
  /** The callback reported success, or the popup closed: the caller refetches the endpoint. */
  onFinished(): void;
}

/**
 * Runs the Connect popup of Slack and Microsoft Graph endpoints: the server's OAuth callback page
 * posts `flowyard:connected` (or an error) to this window and closes itself.
 */
export function useConnectPopup({ endpointId, onFinished }: ConnectPopupOptions): ConnectPopup {
  const [state, setState] = useState<ConnectState>({ status: 'idle' });
  const popupRef = useRef<Window | null>(null);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  const endpointIdRef = useRef(endpointId);
  endpointIdRef.current = endpointId;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only our own callback page, in the popup we opened, may report a connection. The popup
      // may already count as closed when its message arrives, so it stays remembered until replaced.
      if (event.origin !== window.location.origin || popupRef.current === null || event.source !== popupRef.current) return;
      const message = readConnectMessage(event.data);
      if (message === null) return;
      if (message.endpointId !== undefined && endpointIdRef.current !== undefined && message.endpointId !== endpointIdRef.current) return;
      setState(message.ok ? { status: 'idle' } : { status: 'failed', message: message.message });
      onFinishedRef.current();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (state.status !== 'waiting') return;
    // Closing the popup by hand ends the wait; the endpoint is refetched in case the
    // callback stored tokens but could not reach us (e.g. another origin in development).
    const timer = window.setInterval(() => {
      const popup = popupRef.current;
      if (popup === null || popup.closed) {
        setState((current) => (current.status === 'waiting' ? { status: 'idle' } : current));
        onFinishedRef.current();
      }
    }, 500);
    return () => window.clearInterval(timer);
  }, [state.status]);

  const start = useCallback((prepare: () => Promise<string | null>) => {
    const popup = window.open('about:blank', CONNECT_POPUP_NAME, CONNECT_POPUP_FEATURES);
    if (popup === null) {
      setState({ status: 'blocked' });
      return;
    }
    popupRef.current = popup;
    setState({ status: 'waiting' });
    prepare().then(
      (url) => {
        if (popupRef.current !== popup) return;
        if (url === null) {
          popup.close();
          setState({ status: 'idle' });
          return;
        }
        popup.location.href = url;
      },
      (error: unknown) => {
        popup.close();
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, []);

  useEffect(
    () => () => {
      // The dialog closed mid-flow: do not leave an orphaned popup behind.
      const popup = popupRef.current;
      if (popup !== null && !popup.closed) popup.close();
    },
    [],
  );

  return { state, start };
}
