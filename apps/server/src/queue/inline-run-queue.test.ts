import { createInlineRunQueue } from './inline-run-queue';
import { defineRunQueueContract } from './run-queue.contract';

defineRunQueueContract('inline', async () => {
  const queue = createInlineRunQueue();
  return { queue, close: () => queue.close() };
});
