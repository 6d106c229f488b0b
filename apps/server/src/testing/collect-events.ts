import type { RunEvent } from '@flowyard/engine';
import type { RunEventBus } from '../runs/run-event-bus';
import { waitFor } from './wait-for';

/**
 * Reads a subscription's events in the background until a run event satisfies `until`.
 * Resolves once the subscriber is registered, so a run started afterwards is seen whole.
 */
export async function collectEvents(
  events: AsyncIterable<RunEvent>,
  bus: RunEventBus,
  flowId: string,
  until: (event: RunEvent) => boolean,
): Promise<{ done: Promise<RunEvent[]> }> {
  const before = bus.subscriberCount(flowId);
  const seen: RunEvent[] = [];
  const done = (async () => {
    for await (const event of events) {
      seen.push(event);
      if (until(event)) break;
    }
    return seen;
  })();
  await waitFor(() => (bus.subscriberCount(flowId) > before ? true : undefined));
  return { done };
}
