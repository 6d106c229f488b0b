import { z } from 'zod';

/** Tries in all (the first included) a retrying step may take. */
export const MIN_RETRY_TRIES = 2;
export const MAX_RETRY_TRIES = 10;
/** Longest wait between two tries, whether from backoff or a target's Retry-After. */
export const MAX_RETRY_WAIT_MS = 60_000;

/**
 * What a step does when it fails (`data.onFailure`): stop what follows it (the default), continue
 * with the error as its output (`error.code`, `error.message`, `status`), or try again with
 * exponential backoff and jitter (`delayMs` is the first wait), honouring Retry-After on 429 and 503.
 */
export const onFailureSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('stop') }),
  z.object({ mode: z.literal('continue') }),
  z.object({
    mode: z.literal('retry'),
    maxTries: z
      .number()
      .int('Tries must be a whole number')
      .min(MIN_RETRY_TRIES, `Tries must be at least ${MIN_RETRY_TRIES}`)
      .max(MAX_RETRY_TRIES, `Tries must be at most ${MAX_RETRY_TRIES}`)
      .default(3),
    delayMs: z.number().int().min(100, 'The first wait must be at least 100 ms').max(MAX_RETRY_WAIT_MS, `The first wait must be at most ${MAX_RETRY_WAIT_MS} ms`).default(1000),
  }),
]);
export type OnFailure = z.infer<typeof onFailureSchema>;

export const stopOnFailure: OnFailure = { mode: 'stop' };
