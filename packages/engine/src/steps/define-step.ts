import type { z } from 'zod';
import type { EndpointResolver } from '../endpoint/endpoint';
import type { ReferenceScope } from '../flow/references';
import type { HttpClient } from '../http/http-types';
import type { HttpExchange, Json, LogLine } from '../run/run-record';

/**
 * What the runner gives every step. All I/O arrives here: the engine itself
 * never reaches for a database, a clock or the network on its own.
 */
export interface StepEnvironment {
  /** Outputs of the upstream steps that ran, by step name, plus `trigger` (the trigger's outputs). */
  scope: ReferenceScope;
  /** The trigger this run started from and the payload it was given. */
  trigger: { nodeId: string; payload: Json };
  endpoints: EndpointResolver;
  http: HttpClient;
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

export interface StepDescriptor<Type extends string, Config> {
  type: Type;
  title: string;
  description: string;
  kind: 'trigger' | 'action';
  config: z.ZodType<Config>;
  outputs: readonly string[];
  /** What still needs setting before the step can run (shown as a badge; the run refuses the step). */
  problems(config: Config): string[];
  /** Endpoint ids referenced, for the usage index. */
  endpointIds(config: Config): string[];
  /** The settings as the Activity panel shows them while the step runs, before references are resolved. */
  inputs(config: Config): Record<string, Json>;
  /** Throws a FlowyardError to fail the step with its code. */
  run(ctx: StepContext<Config>): Promise<StepResult>;
}

/** Declares a step type; the registry, canvas and runner are all keyed by `type`. */
export function defineStep<Type extends string, Config>(descriptor: StepDescriptor<Type, Config>): StepDescriptor<Type, Config> {
  return descriptor;
}
