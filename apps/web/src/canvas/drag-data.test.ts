import { describe, expect, it } from 'vitest';
import { readStepDragData, stepDragData } from './drag-data';

describe('palette drag data', () => {
  it('round-trips built-in steps and custom steps', () => {
    expect(readStepDragData(stepDragData({ type: 'switch' }))).toEqual({ type: 'switch' });
    const custom = { type: 'custom-step', customStepId: 'cs "1"', title: 'Post {{x}}' } as const;
    expect(readStepDragData(stepDragData(custom))).toEqual(custom);
  });

  it('ignores anything else', () => {
    expect(readStepDragData('custom-step')).toBeUndefined();
    expect(readStepDragData('custom-step:{bad')).toBeUndefined();
    expect(readStepDragData('custom-step:{"id":""}')).toBeUndefined();
    expect(readStepDragData('text/plain')).toBeUndefined();
  });
});
