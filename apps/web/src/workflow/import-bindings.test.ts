import { describe, expect, it } from 'vitest';
import type { ImportEndpointChoice } from '@flowyard/engine/schemas';
import { bindingCounts, defaultBindings } from './import-bindings';

const endpoints: ImportEndpointChoice[] = [
  { exportId: 'e1', name: 'Orders', baseUrl: 'https://orders.test', match: { id: 'local-orders', name: 'orders' } },
  { exportId: 'e2', name: 'Billing', baseUrl: 'https://billing.test', match: null },
];

describe('import bindings', () => {
  it('binds matched endpoints and creates the rest by default', () => {
    expect(defaultBindings(endpoints)).toEqual({ e1: 'local-orders', e2: null });
  });

  it('counts what the import will bind and create', () => {
    expect(bindingCounts(endpoints, defaultBindings(endpoints))).toEqual({ bound: 1, created: 1 });
    expect(bindingCounts(endpoints, { e1: null, e2: null })).toEqual({ bound: 0, created: 2 });
  });
});
