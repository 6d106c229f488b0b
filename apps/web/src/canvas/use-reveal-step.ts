import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';

/** A step's size on the canvas before it is measured (StepNode's card). */
export const STEP_WIDTH = 224;
export const STEP_HEIGHT = 56;

/**
 * Pans the canvas, keeping its zoom, so a step at `position` is wholly on screen when it is not.
 * Steps out of view are not rendered, so whatever selects a step the person cannot see brings it in.
 */
export function useRevealStep(): (position: { x: number; y: number }) => void {
  const { screenToFlowPosition, setCenter, getViewport } = useReactFlow();
  return useCallback(
    (position) => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return;
      const topLeft = screenToFlowPosition({ x: pane.left, y: pane.top });
      const bottomRight = screenToFlowPosition({ x: pane.right, y: pane.bottom });
      const visible =
        position.x >= topLeft.x && position.y >= topLeft.y && position.x + STEP_WIDTH <= bottomRight.x && position.y + STEP_HEIGHT <= bottomRight.y;
      if (!visible) void setCenter(position.x + STEP_WIDTH / 2, position.y + STEP_HEIGHT / 2, { zoom: getViewport().zoom, duration: 200 });
    },
    [screenToFlowPosition, setCenter, getViewport],
  );
}
