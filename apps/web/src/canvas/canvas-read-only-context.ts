import { createContext, useContext } from 'react';

/** True where the canvas only shows a flow (a viewer's canvas, a kept version): nodes offer no editing. */
export const CanvasReadOnlyContext = createContext(false);

export function useCanvasReadOnly(): boolean {
  return useContext(CanvasReadOnlyContext);
}
