/**
 * `f` computed once per object: for what is derived from a loaded catalog, which is not changed
 * afterwards (shared ones are frozen) and is drawn from at every render of a long list.
 */
export function once<K extends object, V>(f: (key: K) => V): (key: K) => V {
  const seen = new WeakMap<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key)!;
  };
}
