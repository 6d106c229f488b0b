/**
 * The lazily compiled parts of the runtime prelude: each is the source of a function of
 * `(load, intrinsic, register)` returning the globals it defines. `load(name)` gives another
 * module; `intrinsic(op, args)` asks the host (host-intrinsics.ts); `register(hooks)` hands the
 * event loop its hooks (timers only). Kept as source text so no
 * transpiler helper can leak into the sandbox.
 */
export const RUNTIME_MODULES = {
  timers: String.raw`(function (load, intrinsic, register) {
  'use strict';
  var MAX_TIMERS = 1000;
  var MAX_DELAY = 2147483647;
  var now = Date.now;
  var stringify = JSON.stringify;
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
  function reportUncaught(error) { if (uncaught.length === 0) uncaught.push(error); }
  function nextTimer() {
    var next;
    timers.forEach(function (timer, id) {
      if (next === undefined || timer.due < next.timer.due) next = { id: id, timer: timer };
    });
    return next;
  }
  // The event loop's hooks (event-loop.ts).
  register({
    // JSON { failed, nextDue }: a callback threw; when the earliest timer is due (null: none).
    state: function () {
      var next = nextTimer();
      return stringify({ failed: uncaught.length > 0, nextDue: next === undefined ? null : next.timer.due });
    },
    failure: function () { return uncaught[0]; },
    // Queues the earliest due timer's callback as a promise job (the loop runs it next).
    fireNext: function () {
      var next = nextTimer();
      if (next === undefined) return;
      var timer = next.timer;
      if (timer.repeat) timer.due = now() + timer.delay;
      else timers.delete(next.id);
      Promise.resolve().then(function () { timer.callback.apply(undefined, timer.args); }).then(undefined, reportUncaught);
    },
  });
  function args(list) { return Array.prototype.slice.call(list, 2); }
  return {
    setTimeout: function setTimeout(callback, delay) { return addTimer('setTimeout', callback, delay, args(arguments), false); },
    setInterval: function setInterval(callback, delay) { return addTimer('setInterval', callback, delay, args(arguments), true); },
    clearTimeout: function clearTimeout(id) { timers.delete(Number(id)); },
    clearInterval: function clearInterval(id) { timers.delete(Number(id)); },
    queueMicrotask: function queueMicrotask(callback) {
      if (typeof callback !== 'function') throw new TypeError('queueMicrotask needs a function');
      Promise.resolve().then(function () { callback(); }).then(undefined, reportUncaught);
    },
  };
})`,

  'dom-exception': String.raw`(function () {
  'use strict';
  var codes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NotFoundError: 8,
    NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
  function DOMException(message, name) {
    if (!(this instanceof DOMException)) throw new TypeError('Class constructor DOMException cannot be invoked without \'new\'');
    var error = new Error(message === undefined ? '' : String(message));
    Object.setPrototypeOf(error, DOMException.prototype);
    Object.defineProperty(error, 'name', { value: name === undefined ? 'Error' : String(name), configurable: true, writable: true });
    Object.defineProperty(error, 'code', { value: codes[error.name] || 0, configurable: true, writable: true });
    return error;
  }
  DOMException.prototype = Object.create(Error.prototype, { constructor: { value: DOMException, writable: true, configurable: true } });
  return { DOMException: DOMException };
})`,

  base64: String.raw`(function (load, intrinsic) {
  'use strict';
  var DOMException = load('dom-exception').DOMException;
  var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var values = {};
  for (var i = 0; i < alphabet.length; i++) values[alphabet[i]] = i;
  function invalid(message) { return new DOMException(message, 'InvalidCharacterError'); }
  function btoa(data) {
    if (arguments.length === 0) throw new TypeError('btoa: 1 argument required, but only 0 present.');
    var text = String(data);
    var out = '';
    for (var i = 0; i < text.length; i += 3) {
      var a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) throw invalid('Invalid character: btoa takes Latin-1 text (encode other text to UTF-8 first)');
      var n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (i + 1 < text.length ? alphabet[(n >> 6) & 63] : '=') + (i + 2 < text.length ? alphabet[n & 63] : '=');
    }
    return out;
  }
  function atob(data) {
    if (arguments.length === 0) throw new TypeError('atob: 1 argument required, but only 0 present.');
    // The forgiving-base64 decode of the HTML standard.
    var text = String(data).replace(/[\t\n\f\r ]/g, '');
    if (text.length % 4 === 0) text = text.replace(/==?$/, '');
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) throw invalid('The string to be decoded is not correctly encoded.');
    var out = '';
    var bits = 0, buffer = 0;
    for (var i = 0; i < text.length; i++) {
      buffer = (buffer << 6) | values[text[i]];
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += String.fromCharCode((buffer >> bits) & 255);
      }
    }
    return out;
  }
  return { btoa: btoa, atob: atob };
})`,

  clone: String.raw`(function (load, intrinsic) {
  'use strict';
  var DOMException = load('dom-exception').DOMException;
  var toString = Object.prototype.toString;
  var errorTypes = { Error: Error, EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError,
    SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError };
  function uncloneable(value) {
    var what = typeof value === 'function' ? (value.name ? 'function ' + value.name : 'a function') : toString.call(value);
    return new DOMException(what + ' could not be cloned.', 'DataCloneError');
  }
  // The structured clone algorithm for the values a sandbox has: cycles and shared references
  // are kept; functions, symbols and host-like objects throw DataCloneError.
  function structuredClone(value) {
    if (arguments.length === 0) throw new TypeError('structuredClone: 1 argument required, but only 0 present.');
    var seen = new Map();
    function clone(input) {
      var type = typeof input;
      if (type === 'function' || type === 'symbol') throw uncloneable(input);
      if (type !== 'object' || input === null) return input;
      if (seen.has(input)) return seen.get(input);
      var kind = toString.call(input).slice(8, -1);
      var output;
      switch (kind) {
        case 'Date': output = new Date(input.getTime()); break;
        case 'RegExp': output = new RegExp(input.source, input.flags); break;
        case 'Boolean': output = Object(Boolean.prototype.valueOf.call(input)); break;
        case 'Number': output = Object(Number.prototype.valueOf.call(input)); break;
        case 'String': output = Object(String.prototype.valueOf.call(input)); break;
        case 'BigInt': output = Object(BigInt.prototype.valueOf.call(input)); break;
        case 'ArrayBuffer': output = input.slice(0); break;
        case 'DataView': output = new DataView(clone(input.buffer), input.byteOffset, input.byteLength); break;
        case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array': case 'Uint16Array': case 'Int32Array':
        case 'Uint32Array': case 'Float32Array': case 'Float64Array': case 'BigInt64Array': case 'BigUint64Array':
          output = new input.constructor(clone(input.buffer), input.byteOffset, input.length); break;
        case 'Map':
          output = new Map();
          seen.set(input, output);
          input.forEach(function (entryValue, key) { output.set(clone(key), clone(entryValue)); });
          return output;
        case 'Set':
          output = new Set();
          seen.set(input, output);
          input.forEach(function (entry) { output.add(clone(entry)); });
          return output;
        case 'Error':
          var Type = errorTypes[input.name] || Error;
          output = new Type(input.message);
          seen.set(input, output);
          if (typeof input.stack === 'string') output.stack = input.stack;
          if ('cause' in input) output.cause = clone(input.cause);
          return output;
        case 'Array':
          output = new Array(input.length);
          break;
        case 'Object':
          if (input instanceof DOMException) throw uncloneable(input);
          output = {};
          break;
        default:
          throw uncloneable(input);
      }
      seen.set(input, output);
      if (kind === 'Array' || kind === 'Object') {
        Object.keys(input).forEach(function (key) {
          Object.defineProperty(output, key, { value: clone(input[key]), writable: true, enumerable: true, configurable: true });
        });
      }
      return output;
    }
    return clone(value);
  }
  return { structuredClone: structuredClone };
})`,

  url: String.raw`(function (load, intrinsic) {
  'use strict';
  var urls = new WeakMap();
  var paramsState = new WeakMap();
  var PARTS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
  var SETTABLE = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];

  function internal(map, self, what) {
    var state = map.get(self);
    if (state === undefined) throw new TypeError('Illegal invocation: not a ' + what);
    return state;
  }
  function pairsOf(init) {
    if (init === undefined || init === null) return [];
    if (typeof init === 'object' || typeof init === 'function') {
      if (paramsState.has(init)) return paramsState.get(init).list.map(function (pair) { return [pair[0], pair[1]]; });
      if (typeof init[Symbol.iterator] === 'function') {
        return Array.from(init, function (pair) {
          var entry = Array.from(pair);
          if (entry.length !== 2) throw new TypeError('URLSearchParams: each pair must have exactly two items');
          return [String(entry[0]), String(entry[1])];
        });
      }
      return Object.keys(init).map(function (key) { return [key, String(init[key])]; });
    }
    return intrinsic('params.parse', { text: String(init) });
  }

  function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams)) throw new TypeError('Class constructor URLSearchParams cannot be invoked without \'new\'');
    paramsState.set(this, { list: pairsOf(init), url: null });
  }
  function update(state) {
    if (state.url === null) return;
    var url = urls.get(state.url);
    var query = intrinsic('params.serialize', { pairs: state.list });
    apply(url, intrinsic('url.set', { href: url.parts.href, key: 'search', value: query }), false);
  }
  function params(self) { return internal(paramsState, self, 'URLSearchParams'); }
  var P = URLSearchParams.prototype;
  P.append = function append(name, value) { var s = params(this); s.list.push([String(name), String(value)]); update(s); };
  P.delete = function (name, value) {
    var s = params(this);
    name = String(name);
    var only = arguments.length > 1 && value !== undefined;
    if (only) value = String(value);
    s.list = s.list.filter(function (pair) { return !(pair[0] === name && (!only || pair[1] === value)); });
    update(s);
  };
  P.get = function get(name) {
    name = String(name);
    var found = params(this).list.find(function (pair) { return pair[0] === name; });
    return found === undefined ? null : found[1];
  };
  P.getAll = function getAll(name) {
    name = String(name);
    return params(this).list.filter(function (pair) { return pair[0] === name; }).map(function (pair) { return pair[1]; });
  };
  P.has = function has(name, value) {
    name = String(name);
    var only = arguments.length > 1 && value !== undefined;
    if (only) value = String(value);
    return params(this).list.some(function (pair) { return pair[0] === name && (!only || pair[1] === value); });
  };
  P.set = function set(name, value) {
    var s = params(this);
    name = String(name);
    value = String(value);
    var index = s.list.findIndex(function (pair) { return pair[0] === name; });
    if (index < 0) s.list.push([name, value]);
    else {
      s.list[index] = [name, value];
      s.list = s.list.filter(function (pair, i) { return i <= index || pair[0] !== name; });
    }
    update(s);
  };
  P.sort = function sort() {
    var s = params(this);
    // Stable, by UTF-16 code units, as the standard says.
    s.list = s.list.map(function (pair, i) { return [pair, i]; })
      .sort(function (a, b) { return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]; })
      .map(function (entry) { return entry[0]; });
    update(s);
  };
  P.forEach = function forEach(callback, thisArg) {
    if (typeof callback !== 'function') throw new TypeError('URLSearchParams.forEach needs a function');
    var s = params(this);
    for (var i = 0; i < s.list.length; i++) callback.call(thisArg, s.list[i][1], s.list[i][0], this);
  };
  function iterate(self, pick) {
    var s = params(self);
    var index = 0;
    var iterator = {
      next: function () {
        if (index >= s.list.length) return { value: undefined, done: true };
        var pair = s.list[index++];
        return { value: pick(pair), done: false };
      },
    };
    iterator[Symbol.iterator] = function () { return iterator; };
    return iterator;
  }
  P.entries = function entries() { return iterate(this, function (pair) { return [pair[0], pair[1]]; }); };
  P.keys = function keys() { return iterate(this, function (pair) { return pair[0]; }); };
  P.values = function values() { return iterate(this, function (pair) { return pair[1]; }); };
  P[Symbol.iterator] = P.entries;
  P.toString = function toString() { return intrinsic('params.serialize', { pairs: params(this).list }); };
  Object.defineProperty(P, 'size', { get: function () { return params(this).list.length; }, configurable: true });
  Object.defineProperty(P, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

  function apply(url, parts, reparse) {
    url.parts = parts;
    if (reparse) paramsState.get(url.searchParams).list = intrinsic('params.parse', { text: parts.search });
  }
  function URL(input, base) {
    if (!(this instanceof URL)) throw new TypeError('Class constructor URL cannot be invoked without \'new\'');
    if (arguments.length === 0) throw new TypeError('URL: 1 argument required, but only 0 present.');
    var parts = intrinsic('url.parse', base === undefined ? { url: String(input) } : { url: String(input), base: String(base) });
    var searchParams = new URLSearchParams(parts.search);
    paramsState.get(searchParams).url = this;
    urls.set(this, { parts: parts, searchParams: searchParams });
  }
  URL.canParse = function canParse(input, base) {
    try {
      intrinsic('url.parse', base === undefined ? { url: String(input) } : { url: String(input), base: String(base) });
      return true;
    } catch (error) {
      return false;
    }
  };
  PARTS.forEach(function (key) {
    var descriptor = { configurable: true, enumerable: true, get: function () { return internal(urls, this, 'URL').parts[key]; } };
    if (SETTABLE.indexOf(key) >= 0) {
      descriptor.set = function (value) {
        var url = internal(urls, this, 'URL');
        apply(url, intrinsic('url.set', { href: url.parts.href, key: key, value: String(value) }), true);
      };
    }
    Object.defineProperty(URL.prototype, key, descriptor);
  });
  Object.defineProperty(URL.prototype, 'searchParams', { configurable: true, enumerable: true, get: function () { return internal(urls, this, 'URL').searchParams; } });
  URL.prototype.toString = function toString() { return internal(urls, this, 'URL').parts.href; };
  URL.prototype.toJSON = function toJSON() { return internal(urls, this, 'URL').parts.href; };
  Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
  return { URL: URL, URLSearchParams: URLSearchParams };
})`,

  text: String.raw`(function (load, intrinsic) {
  'use strict';
  var decoders = new WeakMap();
  function encode(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return new Uint8Array(bytes);
  }
  function TextEncoder() {
    if (!(this instanceof TextEncoder)) throw new TypeError('Class constructor TextEncoder cannot be invoked without \'new\'');
  }
  Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; }, configurable: true, enumerable: true });
  TextEncoder.prototype.encode = function (input) { return encode(input === undefined ? '' : String(input)); };
  TextEncoder.prototype.encodeInto = function (source, destination) {
    if (!(destination instanceof Uint8Array)) throw new TypeError('TextEncoder.encodeInto: the destination must be a Uint8Array');
    var text = String(source);
    var read = 0, written = 0;
    for (var i = 0; i < text.length;) {
      var width = text.codePointAt(i) > 0xffff ? 2 : 1;
      var bytes = encode(text.slice(i, i + width));
      if (written + bytes.length > destination.length) break;
      destination.set(bytes, written);
      written += bytes.length;
      read += width;
      i += width;
    }
    return { read: read, written: written };
  };
  function bytesOf(input) {
    if (input === undefined) return new Uint8Array(0);
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('TextDecoder.decode: the input must be an ArrayBuffer or a view of one (Uint8Array, DataView)');
  }
  function TextDecoder(label, options) {
    if (!(this instanceof TextDecoder)) throw new TypeError('Class constructor TextDecoder cannot be invoked without \'new\'');
    var settings = {
      label: label === undefined ? 'utf-8' : String(label),
      fatal: Boolean(options && options.fatal),
      ignoreBOM: Boolean(options && options.ignoreBOM),
    };
    settings.encoding = intrinsic('text.encoding', settings);
    decoders.set(this, settings);
  }
  function decoder(self) {
    var settings = decoders.get(self);
    if (settings === undefined) throw new TypeError('Illegal invocation: not a TextDecoder');
    return settings;
  }
  ['encoding', 'fatal', 'ignoreBOM'].forEach(function (key) {
    Object.defineProperty(TextDecoder.prototype, key, { get: function () { return decoder(this)[key]; }, configurable: true, enumerable: true });
  });
  TextDecoder.prototype.decode = function (input) {
    var settings = decoder(this);
    var bytes = bytesOf(input);
    // Bytes travel as a Latin-1 string: one char per byte, far smaller in JSON than numbers.
    var latin1 = '';
    for (var i = 0; i < bytes.length; i += 8192) latin1 += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return intrinsic('text.decode', { label: settings.label, fatal: settings.fatal, ignoreBOM: settings.ignoreBOM, latin1: latin1 });
  };
  return { TextEncoder: TextEncoder, TextDecoder: TextDecoder };
})`,

  intl: String.raw`(function (load, intrinsic) {
  'use strict';
  var OPTIONS = {
    collator: ['localeMatcher', 'usage', 'sensitivity', 'ignorePunctuation', 'numeric', 'caseFirst', 'collation'],
    number: ['localeMatcher', 'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay', 'notation', 'compactDisplay',
      'signDisplay', 'useGrouping', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits',
      'maximumSignificantDigits', 'numberingSystem', 'roundingMode', 'roundingPriority', 'roundingIncrement', 'trailingZeroDisplay'],
    dateTime: ['localeMatcher', 'calendar', 'numberingSystem', 'hour12', 'hourCycle', 'timeZone', 'weekday', 'era', 'year', 'month', 'day',
      'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName', 'formatMatcher', 'dateStyle', 'timeStyle'],
  };
  // Read here, with the script's getters, as V8 reads them; only primitives cross to the host.
  function readOptions(kind, options) {
    if (options === undefined) return {};
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    var picked = {};
    OPTIONS[kind].forEach(function (key) {
      var value = Object(options)[key];
      if (value === undefined) return;
      picked[key] = typeof value === 'boolean' || typeof value === 'number' ? value : String(value);
    });
    return picked;
  }
  function readLocales(locales) {
    if (locales === undefined) return undefined;
    if (typeof locales === 'string') return locales;
    if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
    return Array.from(Object(locales), function (locale) {
      if (typeof locale !== 'string' && (typeof locale !== 'object' || locale === null)) throw new TypeError('Language ID should be string or object.');
      return String(locale);
    });
  }
  function spec(kind, locales, options) {
    return { kind: kind, locales: readLocales(locales), options: readOptions(kind, options) };
  }
  function formatter(name, kind, method) {
    var states = new WeakMap();
    function Formatter(locales, options) {
      if (!(this instanceof Formatter)) return new Formatter(locales, options);
      var state = spec(kind, locales, options);
      state.resolved = intrinsic('intl.resolve', state);
      states.set(this, state);
    }
    Object.defineProperty(Formatter, 'name', { value: name });
    function own(self) {
      var state = states.get(self);
      if (state === undefined) throw new TypeError('Method Intl.' + name + '.prototype.' + method + ' called on incompatible receiver');
      return state;
    }
    // As in V8, the main method is a getter returning a bound function (array.sort(collator.compare)).
    Object.defineProperty(Formatter.prototype, method, {
      configurable: true,
      get: function () {
        var state = own(this);
        var bound = state.bound;
        if (bound === undefined) {
          bound = kind === 'collator'
            ? function (a, b) { return compare(state, a, b); }
            : function (value) { return format(state, value, 'format'); };
          state.bound = bound;
        }
        return bound;
      },
    });
    if (kind !== 'collator') Formatter.prototype.formatToParts = function formatToParts(value) { return format(own(this), value, 'formatToParts'); };
    Formatter.prototype.resolvedOptions = function resolvedOptions() { return Object.assign({}, own(this).resolved); };
    Formatter.supportedLocalesOf = function supportedLocalesOf(locales) {
      return intrinsic('intl.supported', { kind: kind, locales: readLocales(locales) });
    };
    Object.defineProperty(Formatter.prototype, Symbol.toStringTag, { value: 'Intl.' + name, configurable: true });
    return Formatter;
  }
  function compare(state, a, b) {
    return intrinsic('intl.compare', { kind: state.kind, locales: state.locales, options: state.options, a: String(a), b: String(b) });
  }
  function numberArgument(value) {
    var number = Number(value);
    // JSON has no NaN or Infinity: numbers cross as text.
    return Object.is(number, -0) ? '-0' : String(number);
  }
  function timeArgument(value) {
    var time = value === undefined ? Date.now() : Number(value instanceof Date ? value.getTime() : value);
    if (!isFinite(time)) throw new RangeError('Invalid time value');
    return time;
  }
  function format(state, value, how) {
    var args = { kind: state.kind, locales: state.locales, options: state.options, how: how };
    if (state.kind === 'number') args.number = numberArgument(value);
    else args.time = timeArgument(value);
    return intrinsic('intl.format', args);
  }
  var Intl = {};
  Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
  [['Collator', 'collator', 'compare'], ['NumberFormat', 'number', 'format'], ['DateTimeFormat', 'dateTime', 'format']].forEach(function (entry) {
    Object.defineProperty(Intl, entry[0], { value: formatter(entry[0], entry[1], entry[2]), writable: true, configurable: true });
  });
  Intl.getCanonicalLocales = function getCanonicalLocales(locales) { return intrinsic('intl.canonical', { locales: readLocales(locales) }); };
  var DATE_DEFAULTS = {
    toLocaleString: 'any',
    toLocaleDateString: 'date',
    toLocaleTimeString: 'time',
  };
  // The locale methods of String, Number and Date (runtime-prelude.ts defers to these).
  function dateMethod(method) {
    return function (self, args) {
      var time = Date.prototype.getTime.call(self);
      if (!isFinite(time)) return 'Invalid Date';
      var state = spec('dateTime', args[0], args[1]);
      return intrinsic('intl.dateToLocale', { locales: state.locales, options: state.options, defaults: DATE_DEFAULTS[method], time: time });
    };
  }
  return {
    Intl: Intl,
    'String.localeCompare': function (self, args) {
      if (self === null || self === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      return compare(spec('collator', args[1], args[2]), String(self), String(args[0]));
    },
    'Number.toLocaleString': function (self, args) {
      return format(spec('number', args[0], args[1]), Number.prototype.valueOf.call(self), 'format');
    },
    'Date.toLocaleString': dateMethod('toLocaleString'),
    'Date.toLocaleDateString': dateMethod('toLocaleDateString'),
    'Date.toLocaleTimeString': dateMethod('toLocaleTimeString'),
  };
})`,
} as const;

export type RuntimeModuleName = keyof typeof RUNTIME_MODULES;

export function isRuntimeModuleName(name: string): name is RuntimeModuleName {
  return Object.prototype.hasOwnProperty.call(RUNTIME_MODULES, name);
}
