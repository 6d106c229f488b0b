import type { Json } from '@flowyard/engine/schemas';
import { z } from 'zod';

/** What a TLS failure records about the server's certificate (`error.details.certificate`). */
const certificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  // Older run records were written before SANs were recorded.
  subjectAltNames: z.array(z.string()).default([]),
});
export type CertificateFacts = z.infer<typeof certificateSchema>;

/** The certificate a TLS error carries, or null when the error has none (not a TLS error, or no certificate presented). */
export function errorCertificate(details: Record<string, Json>): CertificateFacts | null {
  const parsed = certificateSchema.safeParse(details.certificate);
  return parsed.success ? parsed.data : null;
}

/** A validity date as a person reads it, with the ISO value kept when it cannot be parsed. */
export function formatCertificateDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}
