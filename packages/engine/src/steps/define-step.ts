import type { z } from 'zod';
import type { CustomStepLookup } from '../custom-step/custom-step';
import type { EndpointResolver } from '../endpoint/endpoint';
import type { ReferenceScope } from '../flow/references';
import type { HttpClient } from '../http/http-types';
import type { HttpExchange, Json, LogLine } from '../run/run-record';
import type { RunScriptOptions, ScriptRunResult } from '../script/script-types';

/** Runs step scripts in the sandbox; the server passes its process-wide ScriptPool. */
export interface ScriptRunner {
  run(options: RunScriptOptions): Promise<ScriptRunResult>;
}

/**
 * What the runner gives every step. All I/O arrives here: the engine itself
 * never reaches for a database, a clock or the network on its own.
 */
export interface StepEnvironment {
  /** The flow this run belongs to (scripts share the pool fairly by flow). */
  flowId: string;
  /** Outputs of the upstream steps that ran, by step name, plus `trigger` (the trigger's outputs). */
  scope: ReferenceScope;
  /** The trigger this run started from and the payload it was given. */
  trigger: { nodeId: string; payload: Json };
  /** The workflow's endpoints, by id (steps) and by name (scripts). */
  endpoints: EndpointResolver;
  http: HttpClient;
  /** The custom step definitions this run uses, loaded when it started. */
  customSteps: CustomStepLookup;
  scripts: ScriptRunner;
  /** The workflow's constants by name (`constants['Name']` in scripts); loaded once per run. */
  constants(): Promise<Record<string, string>>;
  /** The workflow's shared libraries by name (`require('<name>')` in scripts); loaded once per run. */
  libraries(): Promise<Record<string, string>>;
  exchange(exchange: HttpExchange): void;
  log(line: Omit<LogLine, 'at'>): void;
  /** Records the inputs as resolved (references filled in); kept even when the step then fails. */
  setInputs(inputs: Record<string, Json>): void;
  now(): Date;
  signal: AbortSignal;
}

/** What a step receives at run time: its environment plus its node's settings. */
export interface StepContext<Config> extends StepEnvironment {
  config: Config;
}

export interface StepResult {
  outputs: Record<string, Json>;
  /** For branching steps: the source handle whose edges run next; absent or null follows every edge. */
  nextHandle?: string | null;
}

/** A setting that may hold `{{…}}` references: its path in the config and the name people know it by. */
export interface TemplateField {
  /** Dotted path under the node's config, e.g. `path`, `headers.0.value`, `inputs.<input id>`. */
  field: string;
  label: string;
  value: string;
}

/**
 * A step type. Methods that take `lookup` need custom step definitions for some types;
 * without one (undefined) they report only what the node's own settings tell.
 */
export interface StepDescriptor<Type extends string, Config> {
  type: Type;
  title: string;
  description: string;
  kind: 'trigger' | 'action';
  config: z.ZodType<Config>;
  /** The output names later steps can reference (custom steps: their definition's output labels). */
  outputs(config: Config, lookup?: CustomStepLookup): readonly string[];
  /** What still needs setting before the step can run (shown as a badge; the run refuses the step). */
  problems(config: Config, lookup?: CustomStepLookup): string[];
  /** Endpoint ids referenced, for the usage index. */
  endpointIds(config: Config): string[];
  /** The settings that may hold references, for the reference check. */
  templates(config: Config, lookup?: CustomStepLookup): TemplateField[];
  /** The settings as the Activity panel shows them while the step runs, before references are resolved. */
  inputs(config: Config, lookup?: CustomStepLookup): Record<string, Json>;
  /** Throws a FlowyardError to fail the step with its code. */
  run(ctx: StepContext<Config>): Promise<StepResult>;
}

/** Declares a step type; the registry, canvas and runner are all keyed by `type`. */
export function defineStep<Type extends string, Config>(descriptor: StepDescriptor<Type, Config>): StepDescriptor<Type, Config> {
  return descriptor;
}
