import type { CodeProblem } from '../steps/script/CodeEditor';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { useTRPC } from '../lib/trpc';

/**
 * The first parse error of `source` as the server's parser sees it, checked once typing pauses
 * (null when it parses or before the first answer). Answers to older text are dropped.
 */
export function useLibrarySyntax(source: string): [CodeProblem | null, (problem: CodeProblem | null) => void] {
  const trpc = useTRPC();
  const check = useMutation(trpc.libraries.checkSyntax.mutationOptions());
  const settled = useDebouncedValue(source, 400);
  const [problem, setProblem] = useState<CodeProblem | null>(null);
  const asked = useRef(0);
  const { mutateAsync } = check;
  useEffect(() => {
    const ticket = ++asked.current;
    mutateAsync({ source: settled }).then(
      (answer) => {
        if (ticket === asked.current) setProblem(answer.syntax);
      },
      // A failed check shows nothing; saving checks again and says why.
      () => undefined,
    );
  }, [settled, mutateAsync]);
  return [problem, setProblem];
}
