import type { ScriptTestResult } from '@flowyard/engine/schemas';
import { Play } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { readApiError } from '../../../lib/trpc-error';
import { Button } from '../../../ui/Button';
import { Dialog, DialogBody } from '../../../ui/Dialog';
import { ScriptTestResultView } from './ScriptTestResultView';

export interface TestScriptPanelProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** What is being tested, e.g. the step's name. */
  subject: string;
  /** Edits the sample the script runs with: a custom step's inputs, an integration's request or callback. */
  sample: ReactNode;
  /** Runs the script once with the current sample; rejects when it could not run at all. */
  run(): Promise<ScriptTestResult>;
}

/**
 * "Test script": a dialog with a sample editor, Run, and what the run did (outputs, console
 * lines, HTTP exchanges) as Activity would show it. Nothing is recorded. Any script editor
 * can use it with its own sample editor and run function.
 */
export function TestScriptPanel({ open, onOpenChange, subject, sample, run }: TestScriptPanelProps) {
  const [result, setResult] = useState<ScriptTestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const start = async () => {
    setProblem(null);
    setRunning(true);
    try {
      setResult(await run());
    } catch (error) {
      const apiError = readApiError(error);
      setResult(null);
      setProblem(apiError.code ? `${apiError.code}: ${apiError.message}` : apiError.message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="lg"
      title={`Test script: ${subject}`}
      description="Runs the script as it is in the editor, once, against the workflow's real endpoints. Nothing is recorded."
    >
      <DialogBody className="flex flex-col gap-4">
        <section aria-label="Sample" className="flex flex-col gap-3">
          {sample}
        </section>
        <div className="flex items-center gap-3">
          <Button variant="primary" icon={<Play aria-hidden className="size-3.5" />} disabled={running} onClick={() => void start()}>
            {running ? 'Running…' : 'Run test'}
          </Button>
        </div>
        {problem ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-xs text-red-800">
            {problem}
          </p>
        ) : null}
        {result ? <ScriptTestResultView result={result} /> : null}
      </DialogBody>
    </Dialog>
  );
}
