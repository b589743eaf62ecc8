/**
 * Where the handler keeps what must be shared when it scales out (several instances behind a
 * load balancer, serverless): cached catalogs and rate-limit counts. Values are JSON. Memory by
 * default (one process); `unstorageStore` puts them in any unstorage driver (Redis, KV, …).
 */
export interface SharedStore {
  get(key: string): Promise<unknown>;
  /** Keeps `value` for `ttlMs`. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One process's store, bounded: the oldest entries go first. */
export function memoryStore(max = 10_000): SharedStore {
  const map = new Map<string, { value: unknown; until: number }>();
  return {
    async get(key) {
      const hit = map.get(key);
      if (hit && hit.until < Date.now()) map.delete(key);
      return hit && hit.until >= Date.now() ? hit.value : undefined;
    },
    async set(key, value, ttlMs) {
      map.delete(key);
      map.set(key, { value, until: Date.now() + ttlMs });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
    async delete(key) {
      map.delete(key);
    },
  };
}

/** What `unstorageStore` uses of an unstorage `Storage` (`createStorage({ driver })`). */
export interface UnstorageLike {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: unknown, opts?: { ttl?: number }): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/**
 * A SharedStore on an unstorage `Storage`, so instances share it through the driver chosen
 * (e.g. `redis`). Expiry is kept with each value (drivers without TTL still expire it); the
 * driver's own `ttl` (seconds) is passed too, so Redis drops old keys itself.
 */
export function unstorageStore(storage: UnstorageLike, prefix = 'consent-elements:'): SharedStore {
  return {
    async get(key) {
      const hit = (await storage.getItem(prefix + key)) as { value: unknown; until: number } | null;
      return hit && typeof hit === 'object' && hit.until >= Date.now() ? hit.value : undefined;
    },
    async set(key, value, ttlMs) {
      await storage.setItem(prefix + key, { value, until: Date.now() + ttlMs }, { ttl: Math.ceil(ttlMs / 1000) });
    },
    async delete(key) {
      await storage.removeItem(prefix + key);
    },
  };
}
