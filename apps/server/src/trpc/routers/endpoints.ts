import { endpointCreateSchema, endpointNameSchema, endpointUpdateSchema, testRequestSchema, usageListSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

const byId = z.object({ id: z.string().min(1) });

export const endpointsRouter = router({
  list: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.endpoints.list(input.workflowId)),
  get: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.endpoints.get(input.id)),
  /** A page of flow steps (`kind: 'step'`), then custom step scripts that name it literally (`kind: 'script'`): `{ items, nextCursor, total, counts }`. */
  usage: editProcedure.input(usageListSchema).query(({ ctx, input }) => ctx.services.endpoints.usage(input)),
  /** Before a rename: `{ renamed, scripts }`, the scripts `update({ …, updateScripts: true })` would rewrite. */
  renameImpact: editProcedure
    .input(z.object({ id: z.string().min(1), name: endpointNameSchema }))
    .query(({ ctx, input }) => ctx.services.endpoints.renameImpact(input.id, input.name)),
  create: editProcedure.input(endpointCreateSchema).mutation(({ ctx, input }) => ctx.services.endpoints.create(input)),
  update: editProcedure.input(endpointUpdateSchema).mutation(({ ctx, input }) => ctx.services.endpoints.update(input)),
  delete: editProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.endpoints.delete(input.id)),
  /** OAuth2, Salesforce, Remedy, ServiceNow: `{ ok: true, message, details, exchanges } | { ok: false, code, message, status, body, exchanges }`. */
  testAuthentication: editProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.endpoints.testAuthentication(input.id)),
  /** Any type: `{ exchanges, response, error }`, secrets redacted. */
  testRequest: editProcedure
    .input(testRequestSchema.extend({ id: z.string().min(1) }))
    .mutation(({ ctx, input: { id, ...request } }) => ctx.services.endpoints.testRequest(id, request)),
  /** Slack, Microsoft Graph: the provider page for the Connect popup. */
  connectUrl: editProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.endpoints.connectUrl(input.id, ctx.user)),
  /** The default Salesforce login URL and whether Slack / Graph Connect is set up on this server. */
  authSettings: editProcedure.query(({ ctx }) => ctx.services.endpoints.authSettings()),
});
