import { z } from 'zod';

/**
 * What a TLS failure records about the server's certificate, in `error.details.certificate`
 * (the Activity panel shows it beside TLS_UNTRUSTED_CERT, TLS_HOSTNAME_MISMATCH, TLS_CERT_EXPIRED).
 */
export const certificateDetailsSchema = z.object({
  /** Distinguished name, e.g. `CN=localhost, O=Example`. */
  subject: z.string(),
  issuer: z.string(),
  /** As `DNS:example.com`, `IP Address:127.0.0.1`; records written before SANs were kept have none. */
  subjectAltNames: z.array(z.string()).default([]),
  /** ISO timestamps. */
  validFrom: z.string(),
  validTo: z.string(),
  /** SHA-256, colon-separated hex. */
  fingerprint: z.string().default(''),
});
export type CertificateDetails = z.infer<typeof certificateDetailsSchema>;
