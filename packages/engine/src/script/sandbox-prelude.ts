/**
 * The script API (SPEC §5) as it exists inside QuickJS. Evaluated once per run in a fresh
 * context, it is a function of `(bridge, dataJson)` that installs `http`, `input`, `output`,
 * `constants`, `console`, `require` and the host-access stubs as globals, and returns the hooks
 * the worker drives the run with. `bridge` holds the only host functions the sandbox can reach:
 * `request(json)` and `authenticate(name)` (asyncified: they block the script until the main
 * thread answers), `log(level, text)` and `compileLibrary(name)`.
 *
 * Kept as source text (not a TS function's `toString()`) so no transpiler helper can leak in.
 */
export const SANDBOX_PRELUDE = String.raw`(function (bridge, dataJson) {
  'use strict';
  // Captured before the script runs, so a script that replaces them only affects itself.
  var parse = JSON.parse;
  var stringify = JSON.stringify;
  var data = parse(dataJson);
  var global = globalThis;
  var hasOwn = Object.prototype.hasOwnProperty;
  // 'main' while the script body or its promise jobs and timers run asyncified; 'sync' while
  // the worker reads outputs or errors, where suspending for a host call is impossible.
  var phase = 'sync';
  var hostErrors = new WeakSet();

  function define(name, value) {
    Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  // ---- input, output, constants -------------------------------------------------------
  // defineProperty, not assignment: a label like "__proto__" must stay a plain key.
  function textRecord(source, keep) {
    var record = {};
    Object.keys(source).forEach(function (key) {
      if (keep(source[key])) Object.defineProperty(record, key, { value: source[key], enumerable: true });
    });
    return Object.freeze(record);
  }
  define('input', textRecord(data.input, function (value) { return typeof value === 'string' && value !== ''; }));
  define('output', {});
  define('constants', textRecord(data.constants, function (value) { return typeof value === 'string'; }));

  // ---- console -------------------------------------------------------------------------
  function formatValue(value) {
    if (typeof value === 'string') return value;
    if (value === undefined) return 'undefined';
    if (typeof value === 'function') return '[Function ' + (value.name || 'anonymous') + ']';
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (typeof value === 'object' && value !== null) {
      try {
        var json = stringify(value);
        if (json !== undefined) return json;
      } catch (error) {
        // circular structures and throwing toJSON fall back to String()
      }
    }
    try {
      return String(value);
    } catch (error) {
      return Object.prototype.toString.call(value);
    }
  }
  function logger(level) {
    return function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) parts.push(formatValue(arguments[i]));
      bridge.log(level, parts.join(' '));
    };
  }
  define('console', {
    log: logger('log'),
    info: logger('info'),
    warn: logger('warn'),
    error: logger('error'),
    debug: logger('log'),
    trace: logger('log'),
  });

  // ---- http ----------------------------------------------------------------------------
  var labels = data.endpointLabels;
  var methodToken = /^[!#$%&'*+.^_|~0-9A-Za-z-]+$/;

  function textHeaders(headers, where) {
    var result = {};
    if (headers === undefined || headers === null) return result;
    if (typeof headers !== 'object') throw new TypeError(where + ': headers must be an object like { "Content-Type": "application/json" }');
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
  function hostError(error) {
    var failure = new Error(error.message);
    failure.code = error.code;
    failure.details = error.details;
    hostErrors.add(failure);
    return failure;
  }
  function callHost(reply) {
    var result = parse(reply);
    if (result.kind === 'error') throw hostError(result.error);
    return result;
  }
  // Set when a host call was attempted outside the script body: the step fails with it even
  // if the error vanished into an unhandled promise rejection.
  var misplacedCall;
  function requireMainPhase(what) {
    if (phase !== 'main') {
      var error = new Error(what + ' cannot be called while the script\'s outputs or error are read (from toJSON or a getter)');
      misplacedCall = misplacedCall || error;
      throw error;
    }
  }
  function caseInsensitive(headers) {
    var lower = {};
    Object.keys(headers).forEach(function (name) { lower[name.toLowerCase()] = headers[name]; });
    return new Proxy(lower, {
      get: function (target, key) { return typeof key === 'string' ? target[key.toLowerCase()] : target[key]; },
      has: function (target, key) { return typeof key === 'string' ? key.toLowerCase() in target : key in target; },
    });
  }
  function endpointName(name, where) {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new TypeError(where + ': give the endpoint by its name (or the step\'s endpoint label) as a string');
    }
    return hasOwn.call(labels, name) ? labels[name] : name;
  }

  function request(options) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('http.request(options) needs an options object like { endpoint: \'My endpoint\', method: \'GET\', path: \'/items\' }');
    }
    var endpoint = endpointName(options.endpoint, 'http.request');
    var method = options.method === undefined || options.method === null || options.method === '' ? 'GET' : String(options.method);
    if (!methodToken.test(method)) throw new TypeError('http.request: "' + method + '" is not an HTTP method');
    method = method.toUpperCase();
    var path = options.path === undefined || options.path === null ? '' : String(options.path);
    var headers = textHeaders(options.headers, 'http.request');
    var autoEncodeURI = options.autoEncodeURI === undefined ? true : Boolean(options.autoEncodeURI);
    return {
      write: function (body) {
        requireMainPhase('request.write()');
        var sendHeaders = Object.assign({}, headers);
        var payload = null;
        if (typeof body === 'string') payload = body;
        else if (body !== undefined && body !== null && typeof body === 'object') {
          payload = stringify(body);
          if (!hasHeader(sendHeaders, 'content-type')) sendHeaders['Content-Type'] = 'application/json';
        } else if (body !== undefined && body !== null) payload = String(body);
        var result = callHost(bridge.request(stringify({
          endpoint: endpoint, method: method, path: path, headers: sendHeaders, body: payload, autoEncodeURI: autoEncodeURI,
        })));
        var response = result.response;
        return {
          statusCode: response.statusCode,
          statusMessage: response.statusMessage,
          headers: caseInsensitive(response.headers),
          body: response.body,
        };
      },
    };
  }
  function authenticate(name) {
    requireMainPhase('http.authenticate()');
    return callHost(bridge.authenticate(endpointName(name, 'http.authenticate'))).token;
  }
  define('http', { request: request, authenticate: authenticate });

  // ---- require: the workflow's shared libraries only ------------------------------------
  var libraryNames = data.libraryNames;
  var modules = {};
  function findLibrary(name) {
    if (hasOwn.call(modules, name) || libraryNames.indexOf(name) >= 0) return name;
    var bare = name.replace(/^\.\//, '').replace(/\.js$/, '');
    if (libraryNames.indexOf(bare) >= 0) return bare;
    var matches = libraryNames.filter(function (candidate) { return candidate.toLowerCase() === bare.toLowerCase(); });
    return matches.length === 1 ? matches[0] : undefined;
  }
  function requireLibrary(name) {
    if (typeof name !== 'string') throw new TypeError('require() needs the name of a shared library');
    var key = findLibrary(name);
    if (key === undefined) {
      var known = libraryNames.length > 0 ? 'this workflow has: ' + libraryNames.join(', ') : 'this workflow has none';
      throw new Error('Cannot find module \'' + name + '\': scripts can only require the workflow\'s shared libraries (' + known + ')');
    }
    if (hasOwn.call(modules, key)) return modules[key].exports;
    var module = { id: key, exports: {}, loaded: false };
    modules[key] = module;
    try {
      var factory = bridge.compileLibrary(key);
      factory.call(module.exports, module.exports, requireLibrary, module);
    } catch (error) {
      delete modules[key];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }
  define('require', requireLibrary);

  // ---- no host access: clear messages instead of silent absence ---------------------------
  // (timers, URL, Intl and the other web basics are the runtime prelude's: runtime/)
  define('fetch', function () {
    throw new Error('fetch is not available in Flowyard scripts: call an endpoint with http.request({ endpoint: \'Name\', path: \'/…\' }).write()');
  });

  // ---- hooks for the worker --------------------------------------------------------------
  function toText(value) {
    if (value === undefined) return undefined;
    if (value === null) return '';
    if (typeof value === 'string') return value;
    if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString();
    if (typeof value === 'object') {
      var json = stringify(value);
      return json === undefined ? '' : json;
    }
    return String(value);
  }
  function errorText(value) {
    try {
      if (typeof value === 'string') return value;
      var json = stringify(value);
      return json === undefined ? String(value) : json;
    } catch (error) {
      return String(value);
    }
  }
  return {
    setPhase: function (next) { phase = next; },
    // Drops the only reference to the host functions, so they are freed while the runtime is
    // still registered (quickjs-emscripten 0.32's async runtime fails to free them later).
    teardown: function () { bridge = null; },
    outputs: function () {
      if (misplacedCall) throw misplacedCall;
      var out = global.output;
      var result = {};
      if (out === null || typeof out !== 'object') return stringify(result);
      Object.keys(out).forEach(function (key) {
        var text;
        try {
          text = toText(out[key]);
        } catch (error) {
          throw new Error('output[\'' + key + '\'] could not be turned into text: ' + (error && error.message));
        }
        if (text !== undefined) result[key] = text;
      });
      return stringify(result);
    },
    describe: function (thrown) {
      if (thrown instanceof Error) {
        var stack = typeof thrown.stack === 'string' ? thrown.stack : '';
        if (hostErrors.has(thrown)) {
          return stringify({ kind: 'host-call', code: thrown.code, message: String(thrown.message), details: thrown.details, stack: stack });
        }
        var name = String(thrown.name);
        var message = String(thrown.message);
        return stringify({ kind: 'error', name: name, message: message, stack: stack });
      }
      return stringify({ kind: 'thrown', message: errorText(thrown) });
    },
  };
})`;
