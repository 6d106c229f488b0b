import { connectMessageSchema } from '@flowyard/engine/schemas';

export type ConnectReport = { ok: true; endpointId: string } | { ok: false; endpointId: string | undefined; message: string };

/** Reads what the OAuth callback page posted to its opener; null for anything else on the channel. */
export function readConnectMessage(data: unknown): ConnectReport | null {
  const parsed = connectMessageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data;
  return message.type === 'flowyard:connected'
    ? { ok: true, endpointId: message.endpointId }
    : { ok: false, endpointId: message.endpointId ?? undefined, message: message.message };
}
