import { ShieldAlert } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { formatCertificateDate, type CertificateFacts } from './certificate-details';

/** The server certificate behind a TLS failure: who it names, who issued it, and when it is valid. */
export function CertificateDetails({ certificate }: { certificate: CertificateFacts }) {
  const id = useId();
  const rows: ReadonlyArray<readonly [string, ReactNode]> = [
    ['Subject', certificate.subject || '—'],
    ['Issuer', certificate.issuer || '—'],
    ['Subject alternative names', certificate.subjectAltNames.length === 0 ? 'None' : certificate.subjectAltNames.join(', ')],
    ['Valid from', <time dateTime={certificate.validFrom}>{formatCertificateDate(certificate.validFrom)}</time>],
    ['Valid to', <time dateTime={certificate.validTo}>{formatCertificateDate(certificate.validTo)}</time>],
  ];
  return (
    <section aria-labelledby={id} className="mt-2 rounded-md border border-red-200 bg-white p-2.5">
      <h5 id={id} className="mb-1.5 flex items-center gap-1.5 text-xs font-semibold text-zinc-800">
        <ShieldAlert aria-hidden className="size-3.5 text-red-600" />
        Certificate
      </h5>
      <dl aria-label="Certificate details" className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-1 text-xs">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-zinc-500">{name}</dt>
            <dd className="font-mono break-all text-zinc-800">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
