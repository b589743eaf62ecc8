import type { AccessQuery, AccessResult, CatalogQuery, ConsentCatalog, ConsentTransport, Decision } from '../../model/types.js';

/** How long an access answer is reused before asking again. */
export const ACCESS_TTL_MS = 30_000;

/** Waits for `p`, but lets this caller give up on its own signal without cancelling `p` for others. */
export function follow<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** `value` made read-only all the way down, in place. */
export function readOnly<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // `for in`, not `Object.values`: no array per object (a 1,000-item catalog is 5,000 objects, and their garbage a long task).
    for (const k in value) if (Object.hasOwn(value, k)) readOnly(value[k]);
  }
  return value;
}

/**
 * An answer callers may share: a frozen one as it is (no one can change what another sees), any
 * other as a read-only copy (it may be its transport's own object). A copy per caller cost
 * 2–5 ms per 1,000 consents.
 */
export const shareable = <T>(value: T): T => (value && typeof value === 'object' && !Object.isFrozen(value) ? readOnly(structuredClone(value)) : value);

/** A key for a query: the same fields with the same values, in any order, without undefined ones. */
const keyOf = (q: object) =>
  JSON.stringify(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'catalog').sort(([a], [b]) => (a < b ? -1 : 1)));

interface Kept<T> {
  at: number;
  answer: Promise<T>;
}

/**
 * Makes identical questions of elements sharing a transport cost one request: catalogs and
 * state reads are shared while in flight, access answers are also reused for 30 seconds (until
 * `forget()`, which a gate calls when a consent is saved on the page). Failures are never kept.
 * Every element wraps its transport in one (the same one per transport, see `shared()`).
 */
export class SharedTransport implements ConsentTransport {
  readonly name: string;
  readonly inner: ConsentTransport;
  readonly idempotentWrites?: boolean;
  readonly #catalogs = new Map<string, Promise<ConsentCatalog>>();
  readonly #states = new Map<string, Promise<Decision[]>>();
  readonly #access = new Map<string, Kept<AccessResult>>();

  constructor(inner: ConsentTransport) {
    this.inner = inner;
    this.name = inner.name;
    this.idempotentWrites = inner.idempotentWrites;
    const { loadState, saveDecisions, checkAccess, watch, queued, requestPrivacy } = inner;
    if (loadState) this.loadState = (q, signal) => this.#inFlight(this.#states, keyOf(q), () => loadState.call(inner, q), signal);
    if (saveDecisions) this.saveDecisions = saveDecisions.bind(inner);
    if (checkAccess) this.checkAccess = (q, signal) => this.#checkAccess(q, checkAccess.bind(inner), signal);
    if (watch) this.watch = watch.bind(inner);
    if (queued) this.queued = queued.bind(inner);
    if (requestPrivacy) this.requestPrivacy = requestPrivacy.bind(inner);
  }

  loadState?: ConsentTransport['loadState'];
  saveDecisions?: ConsentTransport['saveDecisions'];
  checkAccess?: ConsentTransport['checkAccess'];
  watch?: ConsentTransport['watch'];
  queued?: ConsentTransport['queued'];
  requestPrivacy?: ConsentTransport['requestPrivacy'];

  loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    return this.#inFlight(this.#catalogs, keyOf(q), () => this.inner.loadCatalog(q), signal);
  }

  /** Drops the access answers kept: the next check asks the provider. */
  forget(): void {
    this.#access.clear();
  }

  /** One request for identical questions asked at the same time; the callers share its answer, read-only. */
  #inFlight<T>(map: Map<string, Promise<T>>, key: string, ask: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let shared = map.get(key);
    if (!shared) {
      // No signal: the request is shared, one element going away must not cancel it for the others.
      shared = ask().then(shareable);
      map.set(key, shared);
      const done = () => map.get(key) === shared && map.delete(key);
      shared.then(done, done);
    }
    return follow(shared, signal);
  }

  #checkAccess(q: AccessQuery, ask: (q: AccessQuery) => Promise<AccessResult>, signal?: AbortSignal): Promise<AccessResult> {
    const key = keyOf(q);
    const hit = this.#access.get(key);
    if (hit && Date.now() - hit.at < ACCESS_TTL_MS) return follow(hit.answer, signal);
    const kept = { at: Date.now(), answer: ask(q) };
    this.#access.set(key, kept);
    kept.answer.catch(() => this.#access.get(key) === kept && this.#access.delete(key));
    return follow(kept.answer, signal);
  }
}

const wrappers = new WeakMap<ConsentTransport, SharedTransport>();

/** The one SharedTransport of a transport, so every element using it shares its requests. */
export function shared(transport: ConsentTransport): SharedTransport {
  if (transport instanceof SharedTransport) return transport;
  let wrapper = wrappers.get(transport);
  if (!wrapper) wrappers.set(transport, (wrapper = new SharedTransport(transport)));
  return wrapper;
}
