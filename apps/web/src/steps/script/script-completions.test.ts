import { describe, expect, it } from 'vitest';
import { completeScript, type ScriptNames } from './script-completions';
import { escapeForQuote, jsString } from './js-string';
import { snippets } from './snippets';

const names: ScriptNames = {
  endpoints: ['Slack', "Bob's API", 'Say "hi"'],
  inputs: ['Channel', 'Message'],
  outputs: ['Timestamp'],
  constants: ['Region', "Bob's key"],
  libraries: ['dates', 'string-utils'],
};

const labels = (before: string) => completeScript(before, names)?.options.map((o) => o.label);

describe('completeScript: endpoint names', () => {
  it('offers endpoint names inside endpoint: quotes, escaped for that quote', () => {
    const before = "var req = http.request({ endpoint: '";
    const result = completeScript(before, names);
    expect(result?.from).toBe(before.length);
    expect(result?.eager).toBe(true);
    expect(result?.options.map((o) => o.apply)).toEqual(['Slack', "Bob\\'s API", 'Say "hi"']);
  });

  it('replaces what was typed so far, and escapes for double quotes too', () => {
    const before = 'http.request({ method: "POST", endpoint: "Sa';
    const result = completeScript(before, names);
    expect(result?.from).toBe(before.length - 2);
    expect(result?.options.map((o) => o.apply)).toEqual(['Slack', "Bob's API", 'Say \\"hi\\"']);
  });

  it('works across lines and ignores nested objects and closed calls', () => {
    expect(labels("http.request({\n  method: 'GET',\n  endpoint: '")).toEqual(names.endpoints);
    expect(labels("http.request({ headers: { endpoint: '")).toBeUndefined();
    expect(labels("http.request({ endpoint: 'A' }); var x = { endpoint: '")).toBeUndefined();
    expect(labels("foo({ endpoint: '")).toBeUndefined();
  });

  it('offers the step’s endpoint label first', () => {
    const result = completeScript("http.request({ endpoint: '", { ...names, stepEndpoint: 'Target' });
    expect(result?.options.map((o) => [o.label, o.detail])[0]).toEqual(['Target', 'this step’s endpoint']);
    expect(result?.options).toHaveLength(4);
  });

  it('offers methods inside method: quotes', () => {
    expect(labels("http.request({ method: '")).toContain('POST');
  });
});

describe('completeScript: request options', () => {
  it('offers the option keys after { or a comma, minus those already written', () => {
    const result = completeScript("http.request({ endpoint: 'Slack', pa", names);
    expect(result?.from).toBe("http.request({ endpoint: 'Slack', ".length);
    expect(result?.eager).toBe(false);
    expect(result?.options.map((o) => o.label)).toEqual(['method', 'path', 'headers', 'autoEncodeURI']);
    expect(result?.options[0]?.apply).toBe('method: ');
    expect(labels('http.request({ ')).toEqual(['endpoint', 'method', 'path', 'headers', 'autoEncodeURI']);
  });

  it('offers nothing in a value position', () => {
    expect(labels('http.request({ path: pa')).toBeUndefined();
  });
});

describe('completeScript: input, output and constant labels', () => {
  it('offers the labels inside the brackets, escaped', () => {
    expect(labels("var c = input['")).toEqual(['Channel', 'Message']);
    expect(labels('output["Ti')).toEqual(['Timestamp']);
    expect(completeScript('output["Ti', names)?.from).toBe('output["'.length);
    expect(labels("constants['")).toEqual(['Region', "Bob's key"]);
    expect(completeScript("var k = constants['", names)?.options[1]?.apply).toBe("Bob\\'s key");
    expect(completeScript('var k = constants["', names)?.options[1]?.apply).toBe("Bob's key");
    expect(completeScript("input['", { ...names, inputs: ["It's"] })?.options[0]?.apply).toBe("It\\'s");
  });

  it('offers nothing elsewhere', () => {
    expect(completeScript('var x = 1;', names)).toBeNull();
  });
});

describe('completeScript: shared libraries', () => {
  it('offers library names inside require quotes, replacing what was typed', () => {
    const result = completeScript("var d = require('da", names);
    expect(result?.from).toBe("var d = require('".length);
    expect(result?.eager).toBe(true);
    expect(result?.options.map((o) => [o.label, o.apply, o.detail])).toEqual([
      ['dates', 'dates', 'shared library'],
      ['string-utils', 'string-utils', 'shared library'],
    ]);
    expect(labels('require( "')).toEqual(names.libraries);
    expect(labels("const { a } = require('x');\nrequire('")).toEqual(names.libraries);
  });

  it('escapes a name for its quote', () => {
    expect(completeScript('require("', { ...names, libraries: ['say "hi"'] })?.options[0]?.apply).toBe('say \\"hi\\"');
  });

  it('offers nothing after a closed require or for a method named require', () => {
    expect(completeScript("require('dates') + '", names)).toBeNull();
    expect(completeScript("obj.require('", names)).toBeNull();
    expect(completeScript("myrequire('", names)).toBeNull();
  });
});

describe('snippets', () => {
  it('quote names as JS strings', () => {
    expect(jsString("Bob's \\ API")).toBe("'Bob\\'s \\\\ API'");
    expect(escapeForQuote('line\nnext', "'")).toBe('line\\nnext');
    expect(snippets.input("It's")).toBe("input['It\\'s']");
    expect(snippets.output('Timestamp')).toBe("output['Timestamp'] = ");
    expect(snippets.library('dates')).toBe("require('dates')");
    expect(snippets.constant("Bob's key")).toBe("constants['Bob\\'s key']");
    expect(snippets.endpoint('Slack')).toBe("http.request({ endpoint: 'Slack', method: 'GET', path: '/' })");
  });
});

describe('completeScript: integration scripts', () => {
  const integration: ScriptNames = {
    ...names,
    flows: ['Order intake', "Bob's flow"],
    members: { request: [{ name: 'method', detail: '' }, { name: 'body', detail: '' }], flows: [{ name: 'start', apply: 'start(', detail: '' }] },
  };

  it('offers flow names inside flows.start quotes, escaped for that quote', () => {
    const before = "var id = flows.start('";
    const result = completeScript(before, integration);
    expect(result?.from).toBe(before.length);
    expect(result?.options.map((o) => o.apply)).toEqual(['Order intake', "Bob\\'s flow"]);
    expect(completeScript('flows.start("Or', integration)?.from).toBe('flows.start("'.length);
  });

  it('offers an object’s members after its dot, replacing the word typed so far', () => {
    const result = completeScript('var m = request.me', integration);
    expect(result?.from).toBe('var m = request.'.length);
    expect(result?.word).toBe(true);
    expect(result?.options.map((o) => o.label)).toEqual(['method', 'body']);
    expect(completeScript('flows.', integration)?.options.map((o) => o.apply)).toEqual(['start(']);
  });

  it('offers nothing for unknown objects, member chains or custom steps without these names', () => {
    expect(completeScript('other.', integration)).toBeNull();
    expect(completeScript('x.request.', integration)).toBeNull();
    expect(completeScript("flows.start('", names)).toBeNull();
  });
});
