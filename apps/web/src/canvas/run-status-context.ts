import type { StepStatus } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';

/** Step status per node id for the run selected in the Activity panel (empty when none is). */
export const RunStatusContext = createContext<ReadonlyMap<string, StepStatus>>(new Map());

export function useNodeRunStatus(nodeId: string): StepStatus | undefined {
  return useContext(RunStatusContext).get(nodeId);
}
