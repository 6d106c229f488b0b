import { z } from 'zod';

/** Why `value` is not an acceptable base URL (SPEC §2), or null when it is. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Base URL must be an absolute URL starting with http:// or https://';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Base URL must start with http:// or https:// (not ${url.protocol}//)`;
  }
  if (!url.hostname) return 'Base URL must include a host';
  if (url.username || url.password) {
    return 'Base URL must not contain a username or password; use Authentication instead';
  }
  if (url.search || value.includes('?')) return 'Base URL must not contain a query string; put it in the step path';
  if (url.hash || value.includes('#')) return 'Base URL must not contain a fragment (#…)';
  return null;
}

/** Normalises an accepted base URL: lower-case scheme and host, no trailing slash. */
export function normalizeBaseUrl(value: string): string {
  const url = new URL(value);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** SPEC §2 base URL: absolute http(s) with a host, no credentials, query or fragment; normalised. */
export const baseUrlSchema = z
  .string({ error: 'Base URL is required' })
  .trim()
  .min(1, 'Base URL is required')
  .superRefine((value, ctx) => {
    const problem = baseUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeBaseUrl);
