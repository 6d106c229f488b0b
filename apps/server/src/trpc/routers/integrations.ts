import {
  integrationCreateSchema,
  integrationIdSchema,
  integrationListSchema,
  integrationLogPageInputSchema,
  integrationRotateSchema,
  integrationTestInputSchema,
  integrationUpdateSchema,
  type IntegrationLogPage,
  type IntegrationSaved,
  type IntegrationTestResult,
  type IntegrationView,
} from '@flowyard/engine';
import { procedureWith, router } from '../init';

/** Inbound and outbound integrations (SPEC §10): editing needs flows.edit, reading a log runs.view. */
const editProcedure = procedureWith('flows.edit');

export const integrationsRouter = router({
  list: editProcedure.input(integrationListSchema).query(({ ctx, input }): Promise<IntegrationView[]> => ctx.services.integrations.list(input.workflowId)),
  get: editProcedure.input(integrationIdSchema).query(({ ctx, input }): Promise<IntegrationView> => ctx.services.integrations.get(input.id)),
  /** URL authentication: the answer carries the token once (`token`, `tokenPath`). */
  create: editProcedure.input(integrationCreateSchema).mutation(({ ctx, input }): Promise<IntegrationSaved> => ctx.services.integrations.create(input)),
  /** The kind cannot change; switching to URL authentication makes a token (answered once). */
  update: editProcedure.input(integrationUpdateSchema).mutation(({ ctx, input }): Promise<IntegrationSaved> => ctx.services.integrations.update(input)),
  delete: editProcedure.input(integrationIdSchema).mutation(({ ctx, input }): Promise<{ id: string }> => ctx.services.integrations.delete(input.id)),
  /** A new URL token (answered once); the old one is refused from then on. */
  rotate: editProcedure.input(integrationRotateSchema).mutation(({ ctx, input }): Promise<IntegrationSaved> => ctx.services.integrations.rotate(input.id)),
  /** The integration's calls, newest first. */
  log: procedureWith('runs.view').input(integrationLogPageInputSchema).query(({ ctx, input }): Promise<IntegrationLogPage> => ctx.services.integrations.log(input)),
  /** Runs the script once with a sample request or callback; nothing is recorded. */
  test: editProcedure.input(integrationTestInputSchema).mutation(({ ctx, input }): Promise<IntegrationTestResult> => ctx.services.integrations.test(ctx.user, input)),
});
