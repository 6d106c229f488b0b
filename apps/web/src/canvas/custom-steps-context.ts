import type { CustomStepLookup, CustomStepView } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';

/** The workflow's custom step definitions as the open flow editor knows them. */
export interface CustomStepCatalog {
  steps: readonly CustomStepView[];
  lookup: CustomStepLookup;
  /** True until the list has loaded: a missing definition is then not (yet) a problem. */
  loading: boolean;
}

export const CustomStepsContext = createContext<CustomStepCatalog>({ steps: [], lookup: () => undefined, loading: true });

export function useCustomStepCatalog(): CustomStepCatalog {
  return useContext(CustomStepsContext);
}
