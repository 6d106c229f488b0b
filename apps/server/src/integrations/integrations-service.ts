import {
  FlowyardError,
  type IntegrationCreateInput,
  type IntegrationLogPage,
  type IntegrationLogPageInput,
  type IntegrationSaved,
  type IntegrationTestInput,
  type IntegrationTestResult,
  type IntegrationUpdateInput,
  type IntegrationView,
  type RunUser,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';

const notYet = (): never => {
  throw new FlowyardError('NOT_FOUND', 'Integrations are being built');
};

/** Inbound and outbound integrations (SPEC §10): their definitions, tokens and logs. */
export function createIntegrationsService(_deps: ServiceDeps) {
  return {
    list: async (_workflowId: string): Promise<IntegrationView[]> => notYet(),
    get: async (_id: string): Promise<IntegrationView> => notYet(),
    create: async (_input: IntegrationCreateInput): Promise<IntegrationSaved> => notYet(),
    update: async (_input: IntegrationUpdateInput): Promise<IntegrationSaved> => notYet(),
    delete: async (_id: string): Promise<{ id: string }> => notYet(),
    rotate: async (_id: string): Promise<IntegrationSaved> => notYet(),
    log: async (_input: IntegrationLogPageInput): Promise<IntegrationLogPage> => notYet(),
    test: async (_user: RunUser, _input: IntegrationTestInput): Promise<IntegrationTestResult> => notYet(),
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
