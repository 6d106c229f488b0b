import { z } from 'zod';

/** SPEC §2: 1–100 characters after trimming, any characters. */
export const endpointNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters');

/** The key names are compared by: unique per workflow, case-insensitively. */
export function endpointNameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-US');
}
