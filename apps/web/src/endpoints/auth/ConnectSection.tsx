import { msgraphScopes, slackScopes, type ConnectAuthType, type EndpointView } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { CircleCheck, ExternalLink, LoaderCircle } from 'lucide-react';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import type { SaveFirst } from '../EndpointForm';
import { Button } from '../../ui/Button';
import { connectActionLabels, connectedText, connectState, connectStateText, popupBlockedMessage, providerNames } from './connection-text';
import { useAuthSettings } from './use-auth-settings';
import { useConnectPopup } from './use-connect-popup';

const usageHints: Record<ConnectAuthType, string> = {
  slack: 'Requests carry the token only when a script calls http.authenticate().',
  msgraph: 'Requests carry the token, refreshed automatically.',
};

const scopes: Record<ConnectAuthType, readonly string[]> = { slack: slackScopes, msgraph: msgraphScopes };

export interface ConnectSectionProps {
  type: ConnectAuthType;
  /** The stored endpoint; undefined until the first save. */
  stored: EndpointView | undefined;
  /** The edited base URL is at another origin than the connected one: saving drops the connection (SPEC §7a). */
  connectionMoves: boolean;
  /** Saves a new or edited endpoint first; null when the form refused (its errors are shown). */
  saveFirst: SaveFirst;
  /** Refetches the stored endpoint once the popup is done. */
  reload(): Promise<void>;
}

/**
 * Connect / Reconnect for Slack and Microsoft Graph: a popup runs the provider's authorization
 * page, the server's callback stores the tokens, and this shows who connected and when.
 */
export function ConnectSection({ type, stored, connectionMoves, saveFirst, reload }: ConnectSectionProps) {
  const trpc = useTRPC();
  const connectUrl = useMutation(trpc.endpoints.connectUrl.mutationOptions());
  const popup = useConnectPopup({ endpointId: stored?.id, onFinished: () => void reload() });
  const connection = stored && stored.auth.type === type ? stored.auth.connection : null;
  const state = connectState(connection !== null, connectionMoves, stored?.auth.type === type && stored.auth.connectionDropped);
  const action = connectActionLabels[state];
  const provider = providerNames[type];
  const waiting = popup.state.status === 'waiting';
  // Unknown while loading: let the click try, the server answers with the same explanation.
  const availability = useAuthSettings().data?.connect[type];
  const unavailable = availability !== undefined && !availability.configured;

  // The question comes before the popup opens: answering it is the click the popup needs.
  const connect = async () => {
    if (!(await saveFirst.confirm('connect'))) return;
    popup.start(async () => {
      const saved = await saveFirst.save();
      if (saved === null) return null;
      try {
        return (await connectUrl.mutateAsync({ id: saved.id })).url;
      } catch (error) {
        throw new Error(readApiError(error).message);
      }
    });
  };

  return (
    <div className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="min-w-0 flex-1 text-sm">
          {waiting ? (
            <span className="inline-flex items-center gap-1.5 text-zinc-600">
              <LoaderCircle aria-hidden className="size-4 animate-spin" />
              Waiting for the {provider} pop-up…
            </span>
          ) : state === 'moving' || state === 'dropped' ? (
            <span className="text-amber-800">{connectStateText[state]}</span>
          ) : connection ? (
            <span className="inline-flex items-center gap-1.5 text-emerald-800">
              <CircleCheck aria-hidden className="size-4 shrink-0 text-emerald-600" />
              <span>{connectedText(connection)}</span>
            </span>
          ) : (
            <span className="text-zinc-600">{connectStateText.none}</span>
          )}
        </p>
        <Button
          variant={state === 'connected' ? 'secondary' : 'primary'}
          size="sm"
          icon={<ExternalLink aria-hidden className="size-3.5" />}
          disabled={waiting || unavailable}
          onClick={() => void connect()}
        >
          {action}
        </Button>
      </div>
      {connection && state === 'connected' ? <p className="text-xs text-zinc-500">Connected in Flowyard by {connection.connectedBy}.</p> : null}
      <p className="text-xs text-zinc-500">
        {action} opens the {provider} sign-in in a pop-up window
        {stored ? '' : '; the endpoint is saved first'}. {usageHints[type]}
      </p>
      <p className="text-xs break-words text-zinc-500">Scopes: {scopes[type].join(' ')}</p>
      {unavailable ? (
        <p className="text-sm text-amber-800">
          {provider} Connect is not set up on this server: an administrator must set {availability.missing ?? "its client ID and secret"}.
        </p>
      ) : null}
      {popup.state.status === 'blocked' ? (
        <p role="alert" className="text-sm text-red-700">
          {popupBlockedMessage}
        </p>
      ) : popup.state.status === 'failed' ? (
        <p role="alert" className="text-sm text-red-700">
          {popup.state.message}
        </p>
      ) : null}
    </div>
  );
}
