import type { CustomStepDefinition } from '../custom-step/custom-step';
import { FlowyardError } from '../errors/flowyard-error';
import type { ScriptRunner } from '../steps/define-step';

/** What custom steps need from the workflow; each is asked at most once per run. */
export interface FlowScripting {
  customSteps: { get(id: string): Promise<CustomStepDefinition | undefined> };
  scripts: ScriptRunner;
  constants(): Promise<Record<string, string>>;
  libraries(): Promise<Record<string, string>>;
}

/** For runners without a sandbox (tests of other steps): custom steps fail saying so. */
export const noScripting: FlowScripting = {
  customSteps: { get: async () => undefined },
  scripts: { run: () => Promise.reject(new FlowyardError('SCRIPT_ERROR', 'Scripts cannot run here: no script sandbox was given to the runner')) },
  constants: async () => ({}),
  libraries: async () => ({}),
};

/** The custom step definitions a run uses, by id; ids without a definition are left out. */
export async function loadDefinitions(scripting: FlowScripting, ids: readonly string[]): Promise<Map<string, CustomStepDefinition>> {
  const loaded = await Promise.all(ids.map(async (id) => [id, await scripting.customSteps.get(id)] as const));
  const definitions = new Map<string, CustomStepDefinition>();
  for (const [id, definition] of loaded) if (definition !== undefined) definitions.set(id, definition);
  return definitions;
}
