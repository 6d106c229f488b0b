import { testScript, type HttpClient, type RunUser, type ScriptRunner, type ScriptTestRequest, type ScriptTestResult } from '@flowyard/engine';
import type { RunCredentials } from '../builtin/run-credentials';
import { withRunCredential } from '../builtin/run-endpoints';
import type { ServiceDeps } from '../deps';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import { timeOrderedId } from '../persistence/time-ordered-id';
import type { WorkflowsService } from '../workflows/workflows-service';
import type { ConstantsService } from './constants-service';
import type { LibrariesService } from './libraries-service';

export interface ScriptTestsServiceOptions {
  http: HttpClient;
  scripts: ScriptRunner;
  constants: ConstantsService;
  libraries: LibrariesService;
  credentials: RunCredentials;
}

/**
 * "Test script": runs a custom step's script (as edited) once with sample inputs against the
 * workflow's real endpoints, through the engine's run path. Nothing is recorded: no run, no
 * test; the answer is redacted as Activity records are.
 */
export function createScriptTestsService(deps: ServiceDeps, workflows: WorkflowsService, { http, scripts, constants, libraries, credentials }: ScriptTestsServiceOptions) {
  return {
    async run(user: RunUser, input: ScriptTestRequest): Promise<ScriptTestResult> {
      await workflows.require(input.workflowId);
      const id = timeOrderedId();
      let credential: Promise<string> | undefined;
      try {
        return await testScript({
          testId: id,
          user,
          step: input.step,
          inputs: input.inputs,
          endpointId: input.endpointId,
          endpoints: withRunCredential(createEndpointResolver(deps, input.workflowId), () => (credential ??= credentials.mint({ userId: user.id, runId: id }))),
          http,
          scripting: { scripts, constants: () => constants.values(input.workflowId), libraries: () => libraries.sources(input.workflowId) },
          now: deps.now,
          newId: () => timeOrderedId(),
        });
      } finally {
        // A credential that cannot be revoked still expires; the test's answer stands.
        if (credential !== undefined) await credentials.revokeRun(id).catch(() => undefined);
      }
    },
  };
}

export type ScriptTestsService = ReturnType<typeof createScriptTestsService>;
