import type { StepError } from '@flowyard/engine/schemas';
import { errorCertificate } from './certificate-details';
import { CertificateDetails } from './CertificateDetails';
import { KeyValues } from './DetailSection';
import { displayValue } from './format';
import { locationKeys, scriptLocation } from './script-location';

/** A step's error: its code, message, the script line it points at, a certificate, and any other details. */
export function StepErrorView({ error }: { error: StepError }) {
  const location = scriptLocation(error.details);
  const certificate = errorCertificate(error.details);
  const otherDetails = Object.entries(error.details).filter(
    ([key]) => (location === null || !(locationKeys as readonly string[]).includes(key)) && !(certificate !== null && key === 'certificate'),
  );
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-2.5 text-sm">
      <p className="font-mono text-xs font-semibold text-red-800">{error.code}</p>
      <p className="mt-0.5 text-red-800">{error.message}</p>
      {location ? <p className="mt-1 font-mono text-xs text-red-700">{location}</p> : null}
      {certificate ? <CertificateDetails certificate={certificate} /> : null}
      {otherDetails.length > 0 ? (
        <div className="mt-2">
          <KeyValues label="Error details" entries={otherDetails.map(([k, v]) => [k, displayValue(v)] as const)} />
        </div>
      ) : null}
    </div>
  );
}
