/**
 * `target` with some of its properties replaced by `overrides`. Every other method is bound to
 * `target` itself: drivers' methods use private fields, so they must not run on the proxy.
 */
export function withOverrides<T extends object>(target: T, overrides: ReadonlyMap<PropertyKey, unknown>): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, property) {
      if (overrides.has(property)) return overrides.get(property);
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      let fn = bound.get(property);
      if (fn === undefined) {
        fn = value.bind(object);
        bound.set(property, fn);
      }
      return fn;
    },
  });
}
