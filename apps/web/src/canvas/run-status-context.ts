import type { StepStatus } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';
import { createKeyedSource, useKeyedValue, type KeyedSource } from './keyed-source';

/** Step status per node id for the run selected in the Activity panel (none when no run is). */
export const RunStatusContext = createContext<KeyedSource<StepStatus>>(createKeyedSource(new Map()));

/** The node's status in the selected run; a status change re-renders that node only. */
export function useNodeRunStatus(nodeId: string): StepStatus | undefined {
  return useKeyedValue(useContext(RunStatusContext), nodeId);
}
