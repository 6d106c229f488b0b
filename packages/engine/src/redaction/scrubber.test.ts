import { describe, expect, it } from 'vitest';
import { canary, canaryForms } from '../testing/canaries';
import { basicPair, clientPair } from './secret';
import { MIN_SCRUB_LENGTH } from './secret-patterns';
import { createScrubber } from './scrubber';

describe('the scrubber', () => {
  it('replaces a secret in each form it travels in, raw, percent- and form-encoded, JSON-escaped', () => {
    const password = canary('pw');
    const scrubber = createScrubber([password]);
    const forms = canaryForms(password);
    expect(forms.length).toBeGreaterThanOrEqual(10);
    for (const form of forms) expect(scrubber.text(`before ${form} after`), form).toBe('before [redacted] after');
  });

  it('replaces the base64 and base64url of a Basic pair, padded, unpadded and percent-encoded', () => {
    const password = canary('pw');
    const scrubber = createScrubber([basicPair('ann é&', password)]);
    const forms = canaryForms({ basic: ['ann é&', password] });
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const form of forms) expect(scrubber.text(`Basic ${form};`), form).toBe('Basic [redacted];');
    // The pair alone, not its parts: a pair scrubber leaves the password to the password's own entry.
    expect(scrubber.text(password)).toBe(password);
  });

  it("replaces an OAuth client's Basic header, RFC 6749 form-encoded or plain", () => {
    const secret = canary('cs');
    const scrubber = createScrubber([clientPair('client id/1', secret)]);
    const header = Buffer.from(`client+id%2F1:${encodeURIComponent(secret).replace(/%20/g, '+').replace(/[-_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`).toString('base64');
    expect(scrubber.text(`Basic ${header}`)).toBe('Basic [redacted]');
    for (const form of canaryForms({ client: ['client id/1', secret] })) expect(scrubber.text(`<${form}>`), form).toBe('<[redacted]>');
  });

  it('never skips a base64 pair, however short its parts', () => {
    const scrubber = createScrubber([basicPair('a', 'b')]);
    expect(scrubber.text(`Basic ${Buffer.from('a:b').toString('base64')}`)).toBe('Basic [redacted]');
  });

  it('leaves the raw form of a short value alone but scrubs its encoded forms', () => {
    expect('a&b '.length).toBeLessThan(MIN_SCRUB_LENGTH);
    const scrubber = createScrubber(['a&b ', 'abc']);
    expect(scrubber.text('x=a&b y')).toBe('x=a&b y');
    expect(scrubber.text('abc')).toBe('abc');
    expect(scrubber.text('password=a%26b+&next=1')).toBe('password=[redacted]&next=1');
    expect(scrubber.text('{"p":"a\\u0026b "}')).toBe('{"p":"[redacted]"}');
  });

  it('replaces the longer of two secrets where one contains the other, and both where they overlap', () => {
    const scrubber = createScrubber(['secret-1234', 'my-secret-1234-long', 'abcdef12', 'ef12ghij']);
    expect(scrubber.text('my-secret-1234-long and secret-1234')).toBe('[redacted] and [redacted]');
    const overlapped = scrubber.text('xx abcdef12ghij yy');
    expect(overlapped).not.toContain('abcdef12');
    expect(overlapped).not.toContain('ef12ghij');
    expect(overlapped.startsWith('xx [redacted]')).toBe(true);
  });

  it('handles unicode: accented and astral characters in every form', () => {
    const secret = 'pässwörd-😀-日本';
    const scrubber = createScrubber([secret]);
    const percent = encodeURIComponent(secret);
    const ascii = JSON.stringify(secret).slice(1, -1).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(ascii).toContain('\\ud83d\\ude00');
    const forms = [secret, percent, percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), ascii, ascii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`)];
    for (const form of forms) expect(scrubber.text(`<${form}>`), form).toBe('<[redacted]>');
  });

  it('treats a secret as text, never as a pattern', () => {
    const scrubber = createScrubber(['a.b*c(d)[e]{f}|g^h$i?+']);
    expect(scrubber.text('aXbbbc(d)[e]{f}|g^h$i?+')).toBe('aXbbbc(d)[e]{f}|g^h$i?+');
    expect(scrubber.text('a.b*c(d)[e]{f}|g^h$i?+')).toBe('[redacted]');
  });

  it('grows: a secret added later is scrubbed from then on', () => {
    const scrubber = createScrubber();
    expect(scrubber.empty).toBe(true);
    expect(scrubber.text('token xoxb-123456')).toBe('token xoxb-123456');
    scrubber.add('xoxb-123456');
    scrubber.add('xoxb-123456');
    expect(scrubber.empty).toBe(false);
    expect(scrubber.text('token xoxb-123456')).toBe('token [redacted]');
  });

  it('scrubs JSON: strings and object keys at any depth, keeping numbers and a "__proto__" key', () => {
    const scrubber = createScrubber(['s3cret-value']);
    const value = JSON.parse('{"a":["s3cret-value",1,{"s3cret-value":true}],"__proto__":"x s3cret-value"}');
    const scrubbed = scrubber.json(value);
    expect(JSON.stringify(scrubbed)).toBe('{"a":["[redacted]",1,{"[redacted]":true}],"__proto__":"x [redacted]"}');
    expect(JSON.stringify(value)).toContain('s3cret-value');
  });

  it('costs nothing without secrets: the same text and the same object come back', () => {
    const scrubber = createScrubber([]);
    const value = { a: ['b'] };
    expect(scrubber.json(value)).toBe(value);
    expect(scrubber.jsonRecord(value)).toBe(value);
  });

  it('scrubs values too long to match character by character: a 4 KiB password of punctuation, a 64 KiB token, many of them', () => {
    const password = '&+ "/\\é=%'.repeat(410).slice(0, 4096);
    const token = 'x'.repeat(64 * 1024);
    const scrubber = createScrubber([password, token, ...Array.from({ length: 20 }, (_, i) => `token-${i}-${"&".repeat(600)}`)]);
    expect(scrubber.text(`a ${password} b`)).toBe('a [redacted] b');
    expect(scrubber.text(`p=${encodeURIComponent(password)}`)).toBe('p=[redacted]');
    expect(scrubber.text(JSON.stringify({ p: password }))).toBe('{"p":"[redacted]"}');
    expect(scrubber.text(`<${token}>`)).toBe('<[redacted]>');
    expect(scrubber.text(`token-19-${"%26".repeat(600)}`)).toBe('[redacted]');
  });
});
