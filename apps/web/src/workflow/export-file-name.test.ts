import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

describe('exportFileName', () => {
  it('names the file after the workflow', () => {
    expect(exportFileName('Default')).toBe('default-flowyard.json');
    expect(exportFileName('  Sales & Ops: EU / 2024 ')).toBe('sales-ops-eu-2024-flowyard.json');
    expect(exportFileName('Café Zürich')).toBe('cafe-zurich-flowyard.json');
  });

  it('falls back to "workflow" when nothing file-safe is left', () => {
    expect(exportFileName('')).toBe('workflow-flowyard.json');
    expect(exportFileName('★★★')).toBe('workflow-flowyard.json');
  });
});
