import { z } from 'zod';

const unauthorizedSchema = z.object({
  data: z.object({ httpStatus: z.number().optional(), trpcCode: z.string().optional(), code: z.string().optional() }),
});

/**
 * True for an API answer meaning "no valid session" (HTTP 401), as opposed to FORBIDDEN, which a
 * signed-in user gets for something their role may not do.
 */
export function isUnauthorized(error: unknown): boolean {
  const parsed = unauthorizedSchema.safeParse(error);
  if (!parsed.success) return false;
  const { httpStatus, trpcCode, code } = parsed.data.data;
  return httpStatus === 401 || trpcCode === 'UNAUTHORIZED' || code === 'UNAUTHORIZED';
}
