import { referenceProblems } from '@flowyard/engine/schemas';
import { useMemo, type ReactNode } from 'react';
import { lookupOf, useCustomSteps } from '../steps/use-custom-steps';
import { CustomStepsContext, useCustomStepCatalog, type CustomStepCatalog } from './custom-steps-context';
import { useFlowStore } from './flow-store-context';
import { useKeyedSourceOf } from './keyed-source';
import { problemsByNode, ReferenceProblemsContext, sameProblems } from './reference-problems-context';
import { useStepsIgnoringPositions } from './use-steps-ignoring-positions';

/**
 * What every part of the flow editor looks up: the workflow's custom step definitions, and the
 * references in step settings that cannot resolve (recomputed when the graph changes).
 */
export function FlowContextProviders({ workflowId, children }: { workflowId: string; children: ReactNode }) {
  const list = useCustomSteps(workflowId);
  const catalog = useMemo((): CustomStepCatalog => {
    const steps = list.data ?? [];
    return { steps, lookup: lookupOf(steps), loading: list.data === undefined };
  }, [list.data]);
  return (
    <CustomStepsContext.Provider value={catalog}>
      <ReferenceProblemsProvider>{children}</ReferenceProblemsProvider>
    </CustomStepsContext.Provider>
  );
}

function ReferenceProblemsProvider({ children }: { children: ReactNode }) {
  // Dragging changes positions on every frame but never a reference: depend on names, settings and edges only.
  const steps = useStepsIgnoringPositions();
  const edges = useFlowStore((s) => s.edges);
  const { lookup, loading } = useCustomStepCatalog();
  const problems = useMemo(
    // Until definitions load, custom steps are judged without them (any output name passes).
    () => problemsByNode(referenceProblems({ nodes: steps, edges }, loading ? undefined : lookup)),
    [steps, edges, lookup, loading],
  );
  // Steps read their own problems from the source: an edit re-renders the steps whose problems changed.
  const source = useKeyedSourceOf(problems, sameProblems);
  return <ReferenceProblemsContext.Provider value={source}>{children}</ReferenceProblemsContext.Provider>;
}

