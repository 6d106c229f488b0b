import { describe, expect, it } from 'vitest';
import { previewRequestUrl, type UrlPart } from './url-preview';

const scope = {
  trigger: { body: { id: 42, name: 'Ann Lee', tags: ['a', 'b'] } },
  'Get User': { body: { 'a.b': 'x/y', path: '/from/run' } },
};
const text = (parts: UrlPart[]) => parts.map((p) => (p.kind === 'text' ? p.text : `<${p.reference}>`)).join('');

describe('previewRequestUrl', () => {
  it('fills references from the run and joins as the engine does', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test/v1/', path: '/users/{{trigger.body.id}}?n={{trigger.body.name}}', autoEncodeURI: true, scope });
    expect(preview).toEqual({ ok: true, parts: [{ kind: 'text', text: 'https://api.test/v1/users/42?n=Ann%20Lee' }], unresolved: 0 });
  });

  it('writes non-text values as JSON and reads quoted references', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test', path: 'q/{{Get User.body["a.b"]}}/{{trigger.body.tags}}', autoEncodeURI: true, scope });
    expect(preview.ok && text(preview.parts)).toBe('https://api.test/q/x/y/%5B%22a%22,%22b%22%5D');
  });

  it('shows references the run cannot fill as written, with the reason', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test', path: '/u/{{Nope.x}}/{{trigger.body.id}}/{{trigger.body.none}}', autoEncodeURI: true, scope });
    expect(preview.ok && text(preview.parts)).toBe('https://api.test/u/<Nope.x>/42/<trigger.body.none>');
    expect(preview.ok && preview.unresolved).toBe(2);
    expect(preview.ok && preview.parts[1]).toEqual({ kind: 'unresolved', reference: 'Nope.x', problem: 'no step named "Nope" ran before this step' });
  });

  it('leaves every reference as written when there is no run, even at the start of the path', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test/base', path: '{{trigger.body.id}}', autoEncodeURI: true, scope: null });
    expect(preview).toEqual({ ok: true, parts: [{ kind: 'text', text: 'https://api.test/base/' }, { kind: 'unresolved', reference: 'trigger.body.id', problem: 'no run yet' }], unresolved: 1 });
  });

  it('keeps markers apart from text that looks like them', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test', path: '/@fyref0@/{{Nope.x}}', autoEncodeURI: true, scope });
    expect(preview.ok && text(preview.parts)).toBe('https://api.test/@fyref0@/<Nope.x>');
  });

  it('says why a verbatim path cannot be joined', () => {
    const preview = previewRequestUrl({ baseUrl: 'https://api.test', path: '/u/{{trigger.body.name}}', autoEncodeURI: false, scope });
    expect(preview).toEqual({ ok: false, message: expect.stringContaining('a space') });
  });
});
