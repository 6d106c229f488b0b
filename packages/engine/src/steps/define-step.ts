import type { z } from 'zod';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { HttpExchange, Json, LogLine } from '../run/run-record';

/**
 * What a step receives at run time. All I/O arrives here: the engine itself
 * never reaches for a database, a clock or the network on its own.
 */
export interface StepContext<Config> {
  config: Config;
  /** Outputs of steps that already ran, by step name, plus `trigger`. */
  scope: Record<string, Record<string, Json>>;
  endpoints: { get(id: string): Promise<ResolvedEndpoint | undefined> };
  http: import('../http/http-client').HttpClient;
  exchange(exchange: HttpExchange): void;
  log(line: Omit<LogLine, 'at'>): void;
  now(): Date;
  signal: AbortSignal;
}

export interface StepResult {
  /** What the Activity panel shows as the step's inputs (config after references are resolved). */
  inputs: Record<string, Json>;
  outputs: Record<string, Json>;
  /** For branching steps: the source handle whose edges run next; null follows every edge. */
  nextHandle?: string | null;
}

export interface StepDescriptor<Type extends string, Config> {
  type: Type;
  title: string;
  description: string;
  kind: 'trigger' | 'action';
  config: z.ZodType<Config>;
  outputs: readonly string[];
  /** What still needs setting before the step can run (shown as a badge). */
  problems(config: Config): string[];
  /** Endpoint ids referenced, for the usage index. */
  endpointIds(config: Config): string[];
  run(ctx: StepContext<Config>): Promise<StepResult>;
}

/** Declares a step type; the registry, canvas and runner are all keyed by `type`. */
export function defineStep<Type extends string, Config>(descriptor: StepDescriptor<Type, Config>): StepDescriptor<Type, Config> {
  return descriptor;
}
