import { jsonSchema, type RunEvent } from '@flowyard/engine';
import { z } from 'zod';
import { defaultMaxTriggerBodyBytes } from '../../triggers/read-body';
import { procedureWith, router } from '../init';

const runStartSchema = z.object({
  flowId: z.string().min(1),
  triggerNodeId: z.string().min(1).optional(),
  // The Run button's payload plays a trigger's body: the same 1 MiB bound as a trigger call.
  payload: jsonSchema.refine((payload) => Buffer.byteLength(JSON.stringify(payload)) <= defaultMaxTriggerBodyBytes, {
    message: `The payload is larger than ${defaultMaxTriggerBodyBytes / 1024 / 1024} MiB, the most a trigger's body may be`,
    // Only a payload that passed the depth check is serialised to be measured.
    when: (check) => check.issues.length === 0,
  }),
});

const runListSchema = z.object({
  flowId: z.string().min(1),
  cursor: z.string().min(1).nullish(),
  limit: z.number().int().min(1, 'Limit must be at least 1').max(100, 'Limit must be at most 100').default(20),
});

export const runsRouter = router({
  start: procedureWith('flows.edit').input(runStartSchema).mutation(({ ctx, input }) => ctx.services.runs.start(ctx.user, input)),
  list: procedureWith('runs.view').input(runListSchema).query(({ ctx, input }) => ctx.services.runs.list(input.flowId, input.limit, input.cursor ?? undefined)),
  get: procedureWith('runs.view').input(z.object({ runId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.runs.get(input.runId)),
  /** Live run and step records of one flow (SSE through httpSubscriptionLink). */
  events: procedureWith('runs.view').input(z.object({ flowId: z.string().min(1) })).subscription(async function* ({ ctx, input, signal }): AsyncGenerator<RunEvent, void, undefined> {
    yield* ctx.services.runs.events(input.flowId, signal);
  }),
});
