import { jsonSchema, runStatusSchema, runTriggerTypeSchema, type RunEvent } from '@flowyard/engine';
import { z } from 'zod';
import { defaultMaxTriggerBodyBytes } from '../../triggers/read-body';
import { procedureWith, router } from '../init';
import type { RunListFilter } from '@flowyard/db';

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

// A time as runs store them (ISO, UTC, milliseconds), so range bounds compare as the index orders.
const instant = z.iso.datetime({ offset: true, message: 'Give a date and time such as 2024-05-01T09:30:00Z' }).transform((text) => new Date(text).toISOString());

/** Which runs: one flow's, or (the Activity page) every flow's of a workflow, narrowed by any filter. */
const runFilterSchema = z
  .object({
    flowId: z.string().min(1).max(200).optional(),
    workflowId: z.string().min(1).max(200).optional(),
    status: runStatusSchema.optional(),
    trigger: runTriggerTypeSchema.optional(),
    userId: z.string().min(1).max(200).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .refine((filter) => filter.flowId !== undefined || filter.workflowId !== undefined, { message: 'Give a flowId or a workflowId', path: ['flowId'] });

const runListSchema = runFilterSchema.and(
  z.object({
    cursor: z.string().min(1).max(500).nullish(),
    limit: z.number().int().min(1, 'Limit must be at least 1').max(100, 'Limit must be at most 100').default(20),
  }),
);

type RunFilterInput = z.infer<typeof runFilterSchema>;

/** The repository's filter: a flow's runs when a flow is given (the Activity page's flow filter), else the workflow's. */
function toRunFilter({ flowId, workflowId, status, trigger, userId, from, to }: RunFilterInput): RunListFilter {
  const narrowed = { status, trigger, userId, startedFrom: from, startedBefore: to };
  return flowId !== undefined ? { flowId, ...narrowed } : { workflowId: workflowId ?? '', ...narrowed };
}

const runIdSchema = z.object({ runId: z.string().min(1).max(200) });

export const runsRouter = router({
  start: procedureWith('flows.edit').input(runStartSchema).mutation(({ ctx, input }) => ctx.services.runs.start(ctx.user, input)),
  list: procedureWith('runs.view').input(runListSchema).query(({ ctx, input }) => ctx.services.runs.list(toRunFilter(input), input.limit, input.cursor ?? undefined)),
  /** How many runs the list holds in all (the Activity header). */
  count: procedureWith('runs.view').input(runFilterSchema).query(({ ctx, input }) => ctx.services.runs.count(toRunFilter(input))),
  get: procedureWith('runs.view').input(runIdSchema).query(({ ctx, input }) => ctx.services.runs.get(input.runId)),
  /** The latest re-runs of a run (the links back from it). */
  reruns: procedureWith('runs.view').input(runIdSchema).query(({ ctx, input }) => ctx.services.runs.reruns(input.runId)),
  /** Stops a run in flight: it ends `interrupted` with RUN_STOPPED and who stopped it. */
  stop: procedureWith('flows.edit').input(runIdSchema).mutation(({ ctx, input }) => ctx.services.runs.stop(ctx.user, input.runId)),
  /** A new run with a past run's payload, of the flow as it is now, as the caller; from one step with `fromNodeId`. */
  rerun: procedureWith('flows.edit')
    .input(runIdSchema.extend({ fromNodeId: z.string().min(1).max(200).optional() }))
    .mutation(({ ctx, input }) => ctx.services.runs.rerun(ctx.user, input)),
  /** Live run and step records of one flow (SSE through httpSubscriptionLink). */
  events: procedureWith('runs.view').input(z.object({ flowId: z.string().min(1) })).subscription(async function* ({ ctx, input, signal }): AsyncGenerator<RunEvent, void, undefined> {
    yield* ctx.services.runs.events(input.flowId, signal);
  }),
});
