import type { ImportSummary } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { fileContentsText, importSummaryText, renameLines } from './import-summary';

const summary: ImportSummary = {
  flows: 2,
  customSteps: 1,
  constants: 0,
  libraries: 1,
  integrations: 0,
  endpointsCreated: 2,
  endpointsBound: 1,
  renamed: [{ kind: 'flow', path: 'flows[1].name', from: 'Sync', to: 'Sync (2)' }],
  unchanged: [],
};

describe('import summary', () => {
  it('says what an import writes', () => {
    expect(importSummaryText(summary)).toBe('2 flows, 1 custom step, 1 library, 3 endpoints (1 bound, 2 created)');
    expect(importSummaryText({ ...summary, flows: 1, customSteps: 0, libraries: 0, endpointsBound: 0, endpointsCreated: 0 })).toBe(
      '1 flow, 0 custom steps, no endpoints',
    );
  });

  it('says what a file holds without deciding the bindings', () => {
    expect(fileContentsText(summary)).toBe('2 flows, 1 custom step, 1 library, 3 endpoints');
  });

  it('lists records that arrive under another name', () => {
    expect(renameLines(summary)).toEqual(['Flow “Sync” arrives as “Sync (2)”']);
  });
});
