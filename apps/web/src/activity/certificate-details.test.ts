import { describe, expect, it } from 'vitest';
import { errorCertificate, formatCertificateDate } from './certificate-details';

const certificate = {
  subject: 'CN=localhost, O=Flowyard E2E',
  issuer: 'CN=localhost, O=Flowyard E2E',
  validFrom: '2024-01-01T00:00:00.000Z',
  validTo: '2024-01-03T00:00:00.000Z',
  fingerprint256: 'AB:CD',
  subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
};

describe('errorCertificate', () => {
  it('reads the certificate a TLS error carries', () => {
    expect(errorCertificate({ url: 'https://127.0.0.1:1', tlsCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', certificate })).toEqual({
      subject: certificate.subject,
      issuer: certificate.issuer,
      validFrom: certificate.validFrom,
      validTo: certificate.validTo,
      subjectAltNames: certificate.subjectAltNames,
    });
  });

  it('shows no SANs for records written before they were kept', () => {
    const { subjectAltNames: _, ...older } = certificate;
    expect(errorCertificate({ certificate: older })?.subjectAltNames).toEqual([]);
  });

  it('is null without a certificate (other errors, or no certificate presented)', () => {
    expect(errorCertificate({ url: 'http://x' })).toBeNull();
    expect(errorCertificate({ certificate: null })).toBeNull();
    expect(errorCertificate({ certificate: 'CN=x' })).toBeNull();
  });
});

describe('formatCertificateDate', () => {
  it('keeps text that is not a date as it is', () => {
    expect(formatCertificateDate('soon')).toBe('soon');
    expect(formatCertificateDate('2024-01-03T00:00:00.000Z')).toMatch(/2024/);
  });
});
