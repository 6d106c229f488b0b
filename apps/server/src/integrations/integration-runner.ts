import { FlowyardError, runIntegrationScript, type HttpClient, type IntegrationBody, type IntegrationScriptData, type IntegrationScriptResult, type Json, type ScriptRunner, type Secret } from '@flowyard/engine';
import { randomUUID } from 'node:crypto';
import type { RunCredentials } from '../builtin/run-credentials';
import { withRunCredential } from '../builtin/run-endpoints';
import type { ServiceDeps } from '../deps';
import { log } from '../log';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import type { ConstantsService } from '../scripting/constants-service';
import type { LibrariesService } from '../scripting/libraries-service';
import { httpStatusOf } from '../trpc/error-map';

/** How many runs one call of a script may start: a script looping flows.start must not flood the queue. */
export const maxFlowStartsPerCall = 100;

/** What an integration call answers its caller. */
export interface IntegrationAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IntegrationRunInput {
  workflowId: string;
  fairnessKey: string;
  body: IntegrationBody;
  data: IntegrationScriptData;
  startFlow: (flowName: string, payload: Json, signal: AbortSignal) => Promise<string>;
  /** The caller's credentials, scrubbed from everything the call records. */
  secrets?: readonly Secret[];
  /** Whom the built-in Flowyard endpoint acts as in this script (the caller, or the run's user); without one it is unauthenticated. */
  actAs?: { id: string };
}

/**
 * Runs integration scripts in the custom-step sandbox with the workflow's endpoints, constants and
 * libraries (the engine's runIntegrationScript), and turns their outcome into an HTTP answer.
 */
export function createIntegrationRunner(
  deps: ServiceDeps,
  { http, scripts, constants, libraries, credentials }: { http: HttpClient; scripts: ScriptRunner; constants: ConstantsService; libraries: LibrariesService; credentials: RunCredentials },
) {
  return {
    async run(input: IntegrationRunInput): Promise<IntegrationScriptResult> {
      let started = 0;
      // The built-in endpoint authenticates as `actAs` with a credential of this call alone, revoked after it.
      const callId = `integration-call:${randomUUID()}`;
      let credential: Promise<string> | undefined;
      const actAs = input.actAs;
      const endpoints = createEndpointResolver(deps, input.workflowId);
      try {
        return await runIntegrationScript({
          source: input.body.script,
          timeoutMs: input.body.timeoutMs,
          data: input.data,
          endpoints: actAs === undefined ? endpoints : withRunCredential(endpoints, () => (credential ??= credentials.mint({ userId: actAs.id, runId: callId }))),
          http,
          scripts,
          constants: () => constants.values(input.workflowId),
          libraries: () => libraries.sources(input.workflowId),
          startFlow: async (flowName, payload, signal) => {
            started += 1;
            if (started > maxFlowStartsPerCall) throw new FlowyardError('VALIDATION_FAILED', `flows.start: one call may start at most ${maxFlowStartsPerCall} runs`);
            return input.startFlow(flowName, payload, signal);
          },
          secrets: input.secrets ?? [],
          fairnessKey: input.fairnessKey,
          now: deps.now,
        });
      } finally {
        if (credential !== undefined) await credentials.revokeRun(callId).catch((error: unknown) => log.error('Revoking an integration call credential failed', error));
      }
    },

    /** The answer: the script's response (default 202 `{ runIds }`), or its error with the code's status. */
    answer(outcome: IntegrationScriptResult, runIds: readonly string[]): IntegrationAnswer {
      if (outcome.error !== null) {
        return { status: httpStatusOf(outcome.error.code), headers: jsonHeaders, body: JSON.stringify({ error: { code: outcome.error.code, message: outcome.error.message }, runIds }) };
      }
      const response = outcome.response;
      const headers = answerableHeaders(response?.headers ?? {});
      if (response === null || response.body === null) return { status: response?.status ?? 202, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify({ runIds }) };
      return { status: response.status, headers, body: response.body };
    },
  };
}

export type IntegrationRunner = ReturnType<typeof createIntegrationRunner>;

const jsonHeaders: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Printable text and tabs: a CR or LF would split the answer's head.
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;
// Framing is the server's to set: a script's value would corrupt the answer.
const framingHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer']);

/** The headers a script set that can go on the wire; the others are dropped. */
function answerableHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (headerName.test(name) && headerValue.test(value) && !framingHeaders.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}
