import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { step } from './activity-test-kit';
import { StepDetails } from './StepDetails';
import { StepList } from './StepList';

const noop = () => {};

describe('pinned, continued and tries in the Activity panel', () => {
  it('marks a pinned step in the Steps list and its details', () => {
    const pinned = { ...step('Create', '2030-01-01T10:00:01Z', 'succeeded'), pinned: true };
    expect(renderToStaticMarkup(<StepList steps={[pinned]} selectedStepId={undefined} onSelect={noop} />)).toContain('>pinned<');
    expect(renderToStaticMarkup(<StepDetails step={pinned} />)).toContain('>pinned<');
    expect(renderToStaticMarkup(<StepDetails step={step('Other', '2030-01-01T10:00:01Z', 'succeeded')} />)).not.toContain('pinned');
  });

  it('marks a failure the flow continued past, and lists each try', () => {
    const continued = {
      ...step('Call', '2030-01-01T10:00:01Z', 'failed'),
      error: { code: 'HTTP_CONNECT_FAILED' as const, message: 'refused', details: {} },
      outputs: { error: { code: 'HTTP_CONNECT_FAILED', message: 'refused' }, status: null },
      tries: [
        { try: 1, startedAt: '2030-01-01T10:00:01Z', durationMs: 3, error: null, status: 503, waitMs: 750 },
        { try: 2, startedAt: '2030-01-01T10:00:02Z', durationMs: 4, error: { code: 'HTTP_CONNECT_FAILED' as const, message: 'refused', details: {} }, status: null, waitMs: null },
      ],
    };
    const html = renderToStaticMarkup(<StepDetails step={continued} actions={<button type="button">Act</button>} />);
    expect(html).toContain('>continued<');
    expect(html).toContain('aria-label="Tries"');
    expect(html).toContain('HTTP 503');
    expect(html).toContain('then waited 750 ms');
    expect(html).toContain('>Act</button>');
  });
});
