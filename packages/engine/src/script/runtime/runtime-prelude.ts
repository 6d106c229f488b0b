/**
 * The web-platform basics scripts expect (timers, btoa/atob, URL, TextEncoder, structuredClone,
 * Intl and the locale methods), installed once per run after the script API prelude. It is a
 * function of `(host)` that only defines placeholders: each global is a getter that compiles
 * its group from RUNTIME_MODULES on first use (`host.load(name)` returns the group's factory),
 * and the locale methods defer to the `intl` group. So a run that uses none of them pays for
 * this short text only (it is compiled per run; keep it small). Modules reach the host through
 * `intrinsic(op, args)`: `host.intrinsic(op, argsJson)` answers in JSON (host-intrinsics.ts)
 * and its errors come back as the error types V8 throws. The timers group hands its hooks to
 * `host.loop(hooks)` for the event loop. Returns the teardown, which drops `host` so the host
 * functions are freed while the runtime is still registered (as the API prelude's teardown).
 */
export const RUNTIME_PRELUDE = String.raw`(function (h) {
  'use strict';
  var g = globalThis, m = {}, dp = Object.defineProperty, parse = JSON.parse, stringify = JSON.stringify;
  var E = { TypeError: TypeError, RangeError: RangeError, SyntaxError: SyntaxError };
  function d(t, n, v) { dp(t, n, { value: v, writable: true, configurable: true }); }
  function i(op, a) {
    var r = parse(h.intrinsic(op, stringify(a)));
    if (r.error) throw new (E[r.error.name] || Error)(r.error.message);
    return r.value;
  }
  function r(hooks) { h.loop(hooks); }
  function l(n) { return m[n] || (m[n] = h.load(n)(l, i, r)); }
  'btoa,atob:base64 DOMException:dom-exception structuredClone:clone URL,URLSearchParams:url TextEncoder,TextDecoder:text Intl:intl setTimeout,setInterval,clearTimeout,clearInterval,queueMicrotask:timers'
    .split(' ').forEach(function (e) {
      var p = e.split(':');
      p[0].split(',').forEach(function (n) {
        dp(g, n, { configurable: true, get: function () { var v = l(p[1])[n]; d(g, n, v); return v; }, set: function (v) { d(g, n, v); } });
      });
    });
  [[String, 'localeCompare'], [Number, 'toLocaleString'], [Date, 'toLocaleString'], [Date, 'toLocaleDateString'], [Date, 'toLocaleTimeString']]
    .forEach(function (e) {
      var n = e[1], k = e[0].name + '.' + n;
      d(e[0].prototype, n, { [n]: function () { return l('intl')[k](this, arguments); } }[n]);
    });
  return function () { h = null; };
})`;
