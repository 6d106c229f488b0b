import { z } from 'zod';
import { jsonSchema } from '../run/run-record';

/**
 * What an integration script (SPEC §10) gets beside the custom-step API: the `request` it
 * answers (inbound) or was sent (outbound: the callback as JSON text in `body`), and the
 * `callback` describing an outbound event (null for inbound).
 */
export const integrationScriptDataSchema = z.object({
  request: z.object({
    method: z.string(),
    headers: z.record(z.string(), z.string()),
    parameters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    body: z.string(),
  }),
  callback: jsonSchema.nullable(),
});
export type IntegrationScriptData = z.infer<typeof integrationScriptDataSchema>;

/** The answer an integration script set: `body` null when it left it unset (the host answers its default). */
export const integrationResponseSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
});
export type IntegrationResponse = z.infer<typeof integrationResponseSchema>;

/** The most of a response body a script may set (a larger one fails the call with OUTPUT_TOO_LARGE). */
export const integrationResponseMaxBytes = 1024 * 1024;

/** The status an integration answers when its script sets none. */
export const defaultIntegrationStatus = 202;

/**
 * The integration globals as they exist inside QuickJS, evaluated after the sandbox prelude (see
 * sandbox-prelude.ts) when a job carries integration data: a function of `(bridge, dataJson)` that
 * defines `request`, `response`, `callback` and `flows`, and returns its hooks (`setPhase`,
 * `response`). `bridge.startFlow(json)` is asyncified like `write()`: the script blocks until
 * the host has admitted the run. Kept apart from the sandbox prelude, which custom steps share.
 */
export const INTEGRATION_PRELUDE = String.raw`(function (bridge, dataJson) {
  'use strict';
  var parse = JSON.parse;
  var stringify = JSON.stringify;
  var data = parse(dataJson);
  var global = globalThis;
  var phase = 'sync';
  var misplacedCall;

  function define(name, value) {
    Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  function plainRecord(source) {
    var record = {};
    Object.keys(source).forEach(function (key) {
      var value = source[key];
      Object.defineProperty(record, key, { value: Array.isArray(value) ? value.slice() : value, enumerable: true, writable: true, configurable: true });
    });
    return record;
  }

  define('request', {
    method: data.request.method,
    headers: plainRecord(data.request.headers),
    parameters: plainRecord(data.request.parameters),
    body: data.request.body,
  });
  define('callback', data.callback);
  define('response', { status: ${defaultIntegrationStatus}, headers: {}, body: undefined });

  function start(name, payload) {
    if (phase !== 'main') {
      var error = new Error('flows.start() can only be called while the script body runs, not from promise callbacks or async continuations');
      misplacedCall = misplacedCall || error;
      throw error;
    }
    if (typeof name !== 'string' || name.trim() === '') throw new TypeError('flows.start(name, payload) needs the flow\'s name as a string');
    var json = payload === undefined ? '{}' : stringify(payload);
    if (json === undefined) throw new TypeError('flows.start: the payload must be a JSON value (an object, array, string, number or boolean)');
    var reply = parse(bridge.startFlow(stringify({ flowName: name, payloadJson: json })));
    if (reply.kind === 'error') {
      var failure = new Error(reply.error.message);
      failure.code = reply.error.code;
      throw failure;
    }
    return reply.runId;
  }
  define('flows', { start: start });

  function headerText(headers) {
    var result = {};
    if (headers === undefined || headers === null) return result;
    if (typeof headers !== 'object') throw new TypeError('response.headers must be an object like { "Content-Type": "text/plain" }');
    Object.keys(headers).forEach(function (name) {
      var value = headers[name];
      if (value === undefined || value === null) return;
      result[name] = Array.isArray(value) ? value.join(', ') : String(value);
    });
    return result;
  }
  function hasHeader(headers, wanted) {
    return Object.keys(headers).some(function (name) { return name.toLowerCase() === wanted; });
  }

  return {
    setPhase: function (next) { phase = next; },
    teardown: function () { bridge = null; },
    response: function () {
      if (misplacedCall) throw misplacedCall;
      var out = global.response;
      if (out === null || typeof out !== 'object') out = {};
      var status = out.status === undefined || out.status === null ? ${defaultIntegrationStatus} : Number(out.status);
      if (!(status >= 100 && status <= 599 && Math.floor(status) === status)) throw new RangeError('response.status must be a whole number from 100 to 599, not ' + String(out.status));
      var headers = headerText(out.headers);
      var body = null;
      if (typeof out.body === 'string') body = out.body;
      else if (out.body !== undefined && out.body !== null && typeof out.body === 'object') {
        body = stringify(out.body);
        if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
      } else if (out.body !== undefined && out.body !== null) body = String(out.body);
      return stringify({ status: status, headers: headers, body: body });
    },
  };
})`;
