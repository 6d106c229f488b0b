import { z } from 'zod';

const connectedSchema = z.object({ type: z.literal('flowyard:connected'), endpointId: z.string() });
const failedSchema = z.object({
  type: z.literal('flowyard:connect-failed'),
  endpointId: z.string().optional(),
  message: z.string(),
});

export type ConnectMessage = { ok: true; endpointId: string } | { ok: false; endpointId: string | undefined; message: string };

/** Reads what the OAuth callback page posted to its opener; null for anything else on the channel. */
export function readConnectMessage(data: unknown): ConnectMessage | null {
  const connected = connectedSchema.safeParse(data);
  if (connected.success) return { ok: true, endpointId: connected.data.endpointId };
  const failed = failedSchema.safeParse(data);
  if (failed.success) return { ok: false, endpointId: failed.data.endpointId, message: failed.data.message };
  return null;
}
