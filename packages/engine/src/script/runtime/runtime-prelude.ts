/**
 * The web-platform basics scripts expect (btoa/atob, URL, TextEncoder, structuredClone, timers,
 * Intl and the locale methods) as they exist inside QuickJS. Evaluated once per run after the
 * script API prelude, it is a function of `(host)`:
 * - `host.load(name)` compiles one of the RUNTIME_MODULES and returns its factory: the heavier
 *   parts are compiled only by the runs that touch them, so a plain run pays for this file only;
 * - `host.intrinsic(op, argsJson)` answers in JSON from the worker's own URL/Intl/TextDecoder
 *   (host-intrinsics.ts); only strings cross.
 * It returns the hooks the event loop (event-loop.ts) drives the run with.
 */
export const RUNTIME_PRELUDE = String.raw`(function (host) {
  'use strict';
  var global = globalThis;
  var parse = JSON.parse;
  var stringify = JSON.stringify;
  var now = Date.now;
  var errorTypes = { TypeError: TypeError, RangeError: RangeError, SyntaxError: SyntaxError };

  function define(target, name, value) {
    Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  // One JSON round trip to the host; its errors surface as the same error types V8 throws.
  function intrinsic(op, args) {
    var reply = parse(host.intrinsic(op, stringify(args)));
    if (reply.error) throw new (errorTypes[reply.error.name] || Error)(reply.error.message);
    return reply.value;
  }
  var modules = {};
  function load(name) {
    if (!Object.prototype.hasOwnProperty.call(modules, name)) modules[name] = host.load(name)(intrinsic, load);
    return modules[name];
  }
  function lazyGlobal(name, module) {
    Object.defineProperty(global, name, {
      configurable: true,
      enumerable: false,
      get: function () { var value = load(module)[name]; define(global, name, value); return value; },
      set: function (value) { define(global, name, value); },
    });
  }
  lazyGlobal('btoa', 'base64');
  lazyGlobal('atob', 'base64');
  lazyGlobal('DOMException', 'dom-exception');
  lazyGlobal('structuredClone', 'clone');
  lazyGlobal('URL', 'url');
  lazyGlobal('URLSearchParams', 'url');
  lazyGlobal('TextEncoder', 'text');
  lazyGlobal('TextDecoder', 'text');
  lazyGlobal('Intl', 'intl');

  // Locale methods QuickJS implements without locales: the host's Intl answers instead.
  function localeMethod(proto, name, length, run) {
    var method = { [name]: function () { return run(this, arguments); } }[name];
    Object.defineProperty(method, 'length', { value: length });
    define(proto, name, method);
  }
  localeMethod(String.prototype, 'localeCompare', 1, function (self, args) {
    if (self === null || self === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
    return load('intl').localeCompare(String(self), String(args[0]), args[1], args[2]);
  });
  localeMethod(Number.prototype, 'toLocaleString', 0, function (self, args) {
    return load('intl').numberToLocaleString(Number.prototype.valueOf.call(self), args[0], args[1]);
  });
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    localeMethod(Date.prototype, name, 0, function (self, args) {
      return load('intl').dateToLocaleString(name, Date.prototype.getTime.call(self), args[0], args[1]);
    });
  });

  // ---- timers: macrotasks the event loop fires while the run lasts -------------------------
  var MAX_TIMERS = 1000;
  var MAX_DELAY = 2147483647;
  var timers = new Map();
  var nextTimerId = 1;
  var uncaught = [];
  function addTimer(name, callback, delay, args, repeat) {
    if (typeof callback !== 'function') throw new TypeError(name + ' needs a function (strings of code are not run)');
    if (timers.size >= MAX_TIMERS) throw new RangeError(name + ': a script can have at most ' + MAX_TIMERS + ' timers pending');
    delay = Number(delay);
    // As Node: below 1 ms, or beyond a 32-bit signed integer, a delay is 1 ms.
    if (!(delay >= 1 && delay <= MAX_DELAY)) delay = 1;
    var id = nextTimerId++;
    timers.set(id, { callback: callback, args: args, delay: delay, due: now() + delay, repeat: repeat });
    return id;
  }
  function timerArgs(args) { return Array.prototype.slice.call(args, 2); }
  function clearTimer(id) { timers.delete(Number(id)); }
  define(global, 'setTimeout', function setTimeout(callback, delay) { return addTimer('setTimeout', callback, delay, timerArgs(arguments), false); });
  define(global, 'setInterval', function setInterval(callback, delay) { return addTimer('setInterval', callback, delay, timerArgs(arguments), true); });
  define(global, 'clearTimeout', function clearTimeout(id) { clearTimer(id); });
  define(global, 'clearInterval', function clearInterval(id) { clearTimer(id); });
  define(global, 'queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw new TypeError('queueMicrotask needs a function');
    Promise.resolve().then(function () { callback(); }).then(undefined, reportUncaught);
  });
  function reportUncaught(error) { if (uncaught.length === 0) uncaught.push(error); }
  function nextTimer() {
    var next;
    timers.forEach(function (timer, id) {
      if (next === undefined || timer.due < next.timer.due) next = { id: id, timer: timer };
    });
    return next;
  }

  // ---- hooks for the event loop -----------------------------------------------------------
  var body = 'pending';
  var bodyError;
  return {
    // As the API prelude's teardown: drop the host functions while the runtime can still free them.
    teardown: function () { host = null; },
    // The body's completion value: an async body's promise, or whatever a plain body returned.
    watch: function (completion) {
      Promise.resolve(completion).then(
        function () { body = 'fulfilled'; },
        function (error) { body = 'rejected'; bodyError = error; });
    },
    // JSON { body, failed, nextDue }: what the loop needs to decide its next turn.
    state: function () {
      var next = nextTimer();
      return stringify({ body: body, failed: uncaught.length > 0, nextDue: next === undefined ? null : next.timer.due });
    },
    failure: function () { return body === 'rejected' ? bodyError : uncaught[0]; },
    // Queues the earliest due timer's callback as a promise job (the loop runs it next).
    fireNext: function () {
      var next = nextTimer();
      if (next === undefined) return;
      var timer = next.timer;
      if (timer.repeat) timer.due = now() + timer.delay;
      else timers.delete(next.id);
      Promise.resolve().then(function () { timer.callback.apply(undefined, timer.args); }).then(undefined, reportUncaught);
    },
  };
})`;
