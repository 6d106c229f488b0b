import type { ScriptTestResult } from '@flowyard/engine/schemas';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SampleInputsEditor } from './SampleInputsEditor';
import { ScriptTestResultView } from './ScriptTestResultView';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replaceAll('&quot;', '"').replace(/\s+/g, ' ');

const result: ScriptTestResult = {
  status: 'failed',
  durationMs: 42,
  inputs: { Subject: 'Printer' },
  outputs: { Ticket: 'T-42' },
  logs: [{ level: 'warn', message: 'about to fail', at: '2030-01-01T10:00:00.000Z' }],
  exchanges: [
    {
      method: 'POST',
      url: 'https://tickets.example.com/api/tickets',
      requestHeaders: { authorization: '[redacted]' },
      requestBody: '{"subject":"Printer"}',
      requestBodyTruncated: false,
      status: 201,
      statusText: 'Created',
      responseHeaders: {},
      responseBody: '{"id":"T-42"}',
      responseBodyTruncated: false,
      startedAt: '2030-01-01T10:00:00.000Z',
      durationMs: 12,
      error: null,
    },
  ],
  error: { code: 'SCRIPT_ERROR', message: 'no tickets today', details: { line: 3, column: 1 } },
};

describe('Test script', () => {
  it('shows the result as Activity does: status, error with its line, outputs, console lines and exchanges', () => {
    const shown = text(renderToStaticMarkup(<ScriptTestResultView result={result} />));
    expect(shown).toContain('Failed');
    expect(shown).toContain('SCRIPT_ERROR');
    expect(shown).toContain('no tickets today');
    expect(shown).toContain('Line 3, column 1');
    expect(shown).toContain('Ticket T-42');
    expect(shown).toContain('about to fail');
    expect(shown).toContain('POST https://tickets.example.com/api/tickets');
    expect(shown).toContain('[redacted]');
  });

  it('offers a field per input label (multi-line as a text area, defaults as placeholders) and the endpoint choice', () => {
    const html = renderToStaticMarkup(
      <SampleInputsEditor
        inputs={[{ label: 'Subject', multiline: false, defaultValue: '' }, { label: 'Body', multiline: true, defaultValue: 'none' }]}
        values={{ Subject: 'Printer' }}
        onChange={() => undefined}
        endpoint={{ label: 'Tickets', options: [{ id: 'e1', name: 'Tickets API' }], value: '', onChange: () => undefined }}
      />,
    );
    expect(html).toMatch(/<input[^>]*value="Printer"/);
    expect(html).toMatch(/<textarea[^>]*placeholder="none"/);
    expect(text(html)).toContain('Endpoint for "Tickets"');
    expect(text(html)).toContain('Tickets API');
  });
});
