import { integrationBodySchema } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { integrationFieldOf, newIntegrationValues, orderedEvents } from './integration-form';

describe('integration form', () => {
  it('starts new integrations as valid bodies once named', () => {
    for (const kind of ['inbound', 'outbound'] as const) {
      const values = newIntegrationValues(kind, 'user-1');
      expect(integrationBodySchema.safeParse(values).success).toBe(false);
      expect(integrationBodySchema.safeParse({ ...values, name: 'Orders' }).success).toBe(true);
    }
  });

  it('maps server issue paths to the field that shows them', () => {
    expect(integrationFieldOf('integration.name')).toBe('name');
    expect(integrationFieldOf('integration.auth.actAsUserId')).toBe('auth.actAsUserId');
    expect(integrationFieldOf('integration.trigger.events.0')).toBe('trigger.events');
    expect(integrationFieldOf('integration.rateLimit.perMinute')).toBe('rateLimit.perMinute');
    expect(integrationFieldOf('workflowId')).toBeUndefined();
  });

  it('keeps events in their usual order', () => {
    expect(orderedEvents(['step.failed', 'run.failed'])).toEqual(['run.failed', 'step.failed']);
  });
});
