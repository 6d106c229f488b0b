import { describe, expect, it } from 'vitest';
import { customStepEndpointNames } from './custom-step-endpoint-names';
import { jsStringLiteral } from './js-string-literal';
import { rewriteScriptEndpointNames } from './rewrite-endpoint-names';
import { findScriptEndpointNames } from './script-endpoint-names';

const names = (script: string): string[] => {
  const found = findScriptEndpointNames(script);
  if (!found.parsed) throw new Error(found.problem);
  return found.literals.map((literal) => literal.name);
};

describe('findScriptEndpointNames', () => {
  it('finds names written as single-quoted, double-quoted and plain template strings', () => {
    const script = [
      "var a = http.request({ endpoint: 'Slack', method: 'POST' });",
      'var b = http.request({ method: "GET", endpoint: "Service Now" });',
      'var c = http.request({ endpoint: `Graph API` }).write();',
      "var t = http.authenticate('Slack');",
    ].join('\n');
    expect(names(script)).toEqual(['Slack', 'Service Now', 'Graph API', 'Slack']);
  });

  it('does not count names computed at run time', () => {
    const script = [
      "var name = 'Slack';",
      'http.request({ endpoint: name });',
      'http.request({ endpoint: `Slack ${input["Env"]}` });',
      "http.request({ endpoint: 'Sl' + 'ack' });",
      'http.request(options);',
      'http.authenticate(name);',
      "other.request({ endpoint: 'Not http' });",
      "request({ endpoint: 'Not http either' });",
      "var o = { endpoint: 'Not a call' };",
    ].join('\n');
    expect(names(script)).toEqual([]);
  });

  it('finds names in nested code, computed keys and optional calls, the last endpoint key winning', () => {
    const script = [
      'function send(body) {',
      "  return http['request']({ 'endpoint': 'Inner' }).write(body);",
      '}',
      "if (input['x']) { [1].forEach(() => http?.request({ endpoint: 'Arrow' })); }",
      "http.request({ endpoint: 'First', ['endpoint']: 'Second' });",
      'return send({});',
    ].join('\n');
    expect(names(script)).toEqual(['Inner', 'Arrow', 'Second']);
  });

  it('gives the exact source range of each literal, quotes included, and its quote style', () => {
    const script = "http.request({ endpoint: \"Q\\\"uote\" }); http.authenticate(`T`)";
    const found = findScriptEndpointNames(script);
    expect(found).toEqual({
      parsed: true,
      literals: [
        { name: 'Q"uote', start: 25, end: 34, quote: '"', call: 'request' },
        { name: 'T', start: 57, end: 60, quote: '`', call: 'authenticate' },
      ],
    });
    if (!found.parsed) return;
    expect(found.literals.map((l) => script.slice(l.start, l.end))).toEqual(['"Q\\"uote"', '`T`']);
  });

  it('reports a script that does not parse instead of guessing', () => {
    expect(findScriptEndpointNames("http.request({ endpoint: 'A' ")).toMatchObject({ parsed: false, problem: expect.stringContaining('Unexpected') });
  });

  it('is a parser, not a pattern: names inside comments and strings are not references', () => {
    const script = ["// http.request({ endpoint: 'Commented' })", "var s = \"http.request({ endpoint: 'Quoted' })\";"].join('\n');
    expect(names(script)).toEqual([]);
  });
});

describe('customStepEndpointNames', () => {
  it('groups by name key and leaves out the step\'s own endpoint label', () => {
    const script = "http.request({ endpoint: 'Slack' }); http.authenticate('SLACK'); http.request({ endpoint: 'Target' }); http.request({ endpoint: '  ' });";
    expect(customStepEndpointNames({ script, includeEndpoint: true, endpointLabel: 'Target' })).toEqual([{ nameKey: 'slack', name: 'Slack', occurrences: 2 }]);
    expect(customStepEndpointNames({ script, includeEndpoint: false, endpointLabel: '' }).map((n) => n.name)).toEqual(['Slack', 'Target']);
  });
});

describe('rewriteScriptEndpointNames', () => {
  it('rewrites only the literal ranges, in their own quote style, escaping the new name', () => {
    const script = [
      "// 'Old' stays in comments",
      "var a = http.request({ endpoint: 'Old', path: '/Old' });",
      'var b = http.request({ endpoint: "old" });',
      'var t = http.authenticate(`OLD`);',
      "var c = http.request({ endpoint: 'Other' });",
    ].join('\n');
    const result = rewriteScriptEndpointNames({ script, includeEndpoint: false, endpointLabel: '' }, new Map([['old', "It's \"new\" ${x}\\"]]));
    expect(result.rewritten).toBe(3);
    expect(result.script).toBe(
      [
        "// 'Old' stays in comments",
        "var a = http.request({ endpoint: 'It\\'s \"new\" ${x}\\\\', path: '/Old' });",
        'var b = http.request({ endpoint: "It\'s \\"new\\" ${x}\\\\" });',
        'var t = http.authenticate(`It\'s "new" \\${x}\\\\`);',
        "var c = http.request({ endpoint: 'Other' });",
      ].join('\n'),
    );
    // The rewritten script names the new endpoint exactly.
    expect(names(result.script)).toEqual(["It's \"new\" ${x}\\", "It's \"new\" ${x}\\", "It's \"new\" ${x}\\", 'Other']);
  });
});

describe('jsStringLiteral', () => {
  it.each([['plain'], ['quote \' " `'], ['line\nbreak\u2028'], ['ünïcödé 🚀'], ['back\\slash ${t}'], ['\u0000\u001f']])('round-trips %j in every quote style', (value) => {
    for (const quote of ["'", '"', '`'] as const) {
      expect(new Function(`return ${jsStringLiteral(value, quote)};`)()).toBe(value);
    }
  });
});
