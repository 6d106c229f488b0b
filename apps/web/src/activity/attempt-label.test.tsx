import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { run, step } from './activity-test-kit';
import { RunList } from './RunList';
import { StepDetails } from './StepDetails';
import { StepList } from './StepList';

const noop = () => {};
// The text of each button (its accessible name, as the e2e tests find it), tags dropped.
const buttonTexts = (html: string) => [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('attempt label in the Activity panel', () => {
  it('marks a step that a later attempt ran, in the Steps list and in its details; a first attempt has none', () => {
    const steps = [step('A', '2030-01-01T10:00:01Z', 'succeeded'), { ...step('B', '2030-01-01T10:00:02Z', 'succeeded'), attempt: 2 }];
    const texts = buttonTexts(renderToStaticMarkup(<StepList steps={steps} selectedStepId={undefined} onSelect={noop} />));
    expect(texts).toEqual([expect.stringMatching(/^A Succeeded /), expect.stringMatching(/^B Succeeded attempt 2 /)]);
    expect(texts[0]).not.toContain('attempt');
    expect(renderToStaticMarkup(<StepDetails step={{ ...step('B', '2030-01-01T10:00:02Z', 'running'), attempt: 3 }} />)).toContain('>attempt 3<');
    expect(renderToStaticMarkup(<StepDetails step={step('A', '2030-01-01T10:00:01Z')} />)).not.toContain('attempt');
  });

  it('marks a run on its later attempts in the Runs list', () => {
    const runs = [{ ...run('r2', '2030-01-01T11:00:00Z', 'succeeded'), attempt: 2 }, run('r1', '2030-01-01T10:00:00Z', 'succeeded')];
    const texts = buttonTexts(renderToStaticMarkup(<RunList runs={runs} selectedRunId={null} onSelect={noop} />));
    expect(texts[0]).toMatch(/^Succeeded attempt 2 /);
    expect(texts[1]).not.toContain('attempt');
  });
});
