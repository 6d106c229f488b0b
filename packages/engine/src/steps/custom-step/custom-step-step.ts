import type { CustomStepDefinition, CustomStepLookup } from '../../custom-step/custom-step';
import { FlowyardError } from '../../errors/flowyard-error';
import type { Json } from '../../run/run-record';
import { defineStep, type StepContext } from '../define-step';
import { customStepConfigSchema, type CustomStepConfig } from './custom-step-config';
import { inputTemplate, resolveCustomInputs, validateCustomInputs } from './custom-step-inputs';
import { scriptAuthenticate } from '../../auth/script-authenticate';
import { resolveBuiltinEndpoint } from '../../endpoint/builtin-endpoint';
import { scriptRequest } from './script-request';

const missingDefinition = 'The custom step this step uses no longer exists; replace the step';

/** What still needs setting on an instance of `definition` (references are checked at run time). */
function definitionProblems(config: CustomStepConfig, definition: CustomStepDefinition | undefined): string[] {
  if (definition === undefined) return [missingDefinition];
  const problems: string[] = [];
  if (definition.includeEndpoint && definition.endpointType !== 'flowyard' && config.endpointId === null) problems.push(`Endpoint "${definition.endpointLabel}" is required`);
  for (const input of definition.inputs) {
    if (input.required && inputTemplate(config, input).trim() === '') problems.push(`Input "${input.label}" is required`);
  }
  return problems;
}

/**
 * An instance of a custom step (SPEC §5): resolves its inputs, binds its endpoint label to
 * the chosen endpoint and runs the definition's script in the sandbox. Outputs are the
 * definition's output labels, as text ('' when the script did not set one).
 */
export const customStepStep = defineStep({
  type: 'custom-step',
  title: 'Custom step',
  description: 'Runs a script from the Steps library with its inputs, outputs and endpoint.',
  kind: 'action',
  config: customStepConfigSchema,
  outputs: (config, lookup) => lookup?.(config.customStepId)?.outputs.map((output) => output.label) ?? [],
  problems: (config, lookup) => (lookup === undefined ? [] : definitionProblems(config, lookup(config.customStepId))),
  endpointIds: (config) => (config.endpointId === null ? [] : [config.endpointId]),
  templates(config, lookup) {
    const definition = lookup?.(config.customStepId);
    if (definition === undefined) return Object.entries(config.inputs).map(([id, value]) => ({ field: `inputs.${id}`, label: `input ${id}`, value }));
    return definition.inputs.map((input) => ({ field: `inputs.${input.id}`, label: `input "${input.label}"`, value: inputTemplate(config, input) }));
  },
  inputs: (config, lookup) => shownTemplates(config, lookup),
  async run(ctx) {
    const definition = ctx.customSteps(ctx.config.customStepId);
    const problems = definitionProblems(ctx.config, definition);
    if (definition === undefined || problems.length > 0) {
      throw new FlowyardError('VALIDATION_FAILED', `Step is not ready: ${problems.join('; ')}`, { details: { problems } });
    }
    const { values: input, shown, error } = resolveCustomInputs(definition, ctx.config, ctx.scope);
    ctx.setInputs(shown);
    if (error !== null) throw error;
    validateCustomInputs(definition, input);

    const [endpointLabels, constants, libraries] = await Promise.all([boundEndpointLabels(ctx, definition), ctx.constants(), ctx.libraries()]);
    const result = await ctx.scripts.run({
      source: definition.script,
      input,
      constants,
      libraries,
      endpointLabels,
      request: scriptRequest(ctx, definition.timeoutMs),
      authenticate: scriptAuthenticate(ctx, definition.timeoutMs),
      timeoutMs: definition.timeoutMs,
      onLog: (line) => ctx.log({ level: line.level, message: line.message }),
      signal: ctx.signal,
      // One flow's runaway scripts must not hold every worker: the pool caps workers per flow.
      fairnessKey: ctx.flowId,
    });

    const outputs: Record<string, Json> = {};
    for (const output of definition.outputs) outputs[output.label] = result.outputs[output.label] ?? '';
    const undeclared = Object.keys(result.outputs).filter((label) => !Object.hasOwn(outputs, label));
    if (undeclared.length > 0) {
      const list = undeclared.map((label) => `'${label}'`).join(', ');
      ctx.log({ level: 'warn', message: `The script set output ${list}, which this step does not declare; it was dropped` });
    }
    return { outputs };
  },
});

// The settings as entered, by input label when the definition is known.
function shownTemplates(config: CustomStepConfig, lookup: CustomStepLookup | undefined): Record<string, Json> {
  const definition = lookup?.(config.customStepId);
  if (definition === undefined) return { ...config.inputs };
  const shown: Record<string, Json> = {};
  for (const input of definition.inputs) shown[input.label] = inputTemplate(config, input);
  return shown;
}

/**
 * The step's endpoint label → the bound endpoint's name, which is how scripts reach it. A step
 * whose endpoint type is Flowyard is bound to the built-in endpoint, whatever the instance holds.
 */
async function boundEndpointLabels(ctx: StepContext<CustomStepConfig>, definition: CustomStepDefinition): Promise<Record<string, string>> {
  if (!definition.includeEndpoint) return {};
  if (definition.endpointType === 'flowyard') return { [definition.endpointLabel]: (await resolveBuiltinEndpoint(ctx.endpoints)).name };
  if (ctx.config.endpointId === null) return {};
  const endpoint = await ctx.endpoints.get(ctx.config.endpointId);
  if (endpoint === undefined) {
    throw new FlowyardError('ENDPOINT_NOT_FOUND', `The endpoint bound to "${definition.endpointLabel}" no longer exists; choose another one`, {
      details: { endpointId: ctx.config.endpointId, endpointLabel: definition.endpointLabel },
    });
  }
  return { [definition.endpointLabel]: endpoint.name };
}
