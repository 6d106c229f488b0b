import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from './Button';

export interface CopyButtonProps {
  text: string;
  /** The accessible name, e.g. "Copy API key"; the button shows "Copy" / "Copied". */
  label: string;
}

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="sm"
      aria-label={label}
      title={failed ? 'The browser did not allow copying; select the text and copy it yourself' : label}
      icon={copied ? <Check aria-hidden className="size-3.5 text-emerald-600" /> : <Copy aria-hidden className="size-3.5" />}
      onClick={() => {
        // Only available on secure origins (https, localhost); elsewhere the text stays selectable.
        navigator.clipboard?.writeText(text).then(
          () => {
            setFailed(false);
            setCopied(true);
          },
          () => setFailed(true),
        ) ?? setFailed(true);
      }}
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </Button>
  );
}
