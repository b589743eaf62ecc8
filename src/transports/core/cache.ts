import type { CatalogQuery, ConsentCatalog, ConsentTransport } from '../../model/types.js';
import { consentCatalog } from './schemas.js';
import { follow, readOnly, shareable } from './share.js';

export interface CacheOptions {
  /** Names the transport in stored entries (provider + endpoint). */
  key: string;
  /** How long a catalog is reused, ms. Default 5 minutes. */
  ttl?: number;
}

interface Stored {
  at: number;
  catalog: ConsentCatalog;
}

/**
 * Keeps catalogs: a catalog is reused from memory and then from localStorage for a while, so a
 * second element, a second page view or a new tab asks the provider for it no more (identical
 * loads at the same time share one request). A catalog holds the provider's texts, nothing about
 * the visitor. Answers about the visitor are never kept here; sharing them
 * while in flight is the SharedTransport's job, which every element puts around its transport.
 */
export class CachedTransport implements ConsentTransport {
  readonly name: string;
  readonly inner: ConsentTransport;
  readonly #o: CacheOptions;
  readonly #catalogs = new Map<string, Promise<ConsentCatalog>>();

  constructor(inner: ConsentTransport, options: CacheOptions) {
    this.inner = inner;
    this.name = inner.name;
    this.#o = options;
    this.idempotentWrites = inner.idempotentWrites;
    if (inner.loadState) this.loadState = inner.loadState.bind(inner);
    if (inner.saveDecisions) this.saveDecisions = inner.saveDecisions.bind(inner);
    if (inner.checkAccess) this.checkAccess = inner.checkAccess.bind(inner);
    if (inner.requestPrivacy) this.requestPrivacy = inner.requestPrivacy.bind(inner);
  }

  readonly idempotentWrites?: boolean;
  loadState?: ConsentTransport['loadState'];
  saveDecisions?: ConsentTransport['saveDecisions'];
  checkAccess?: ConsentTransport['checkAccess'];
  requestPrivacy?: ConsentTransport['requestPrivacy'];

  async loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    const key = `consent-elements:catalog:${this.#o.key}:${JSON.stringify(q)}`;
    let shared = this.#catalogs.get(key);
    if (!shared) {
      const stored = this.#read(key);
      // Read-only, so callers share it: what was stored is this transport's own, what the inner one answered is copied once.
      shared = stored ? Promise.resolve(readOnly(stored)) : this.inner.loadCatalog(q).then(shareable);
      this.#catalogs.set(key, shared);
      shared.then(
        (catalog) => {
          // In a task of its own: the element that asked draws the catalog first (stringifying it is not free).
          if (!stored) setTimeout(() => this.#write(key, catalog));
          setTimeout(() => this.#catalogs.get(key) === shared && this.#catalogs.delete(key), this.#ttl);
        },
        () => this.#catalogs.get(key) === shared && this.#catalogs.delete(key), // never keep a failure
      );
    }
    return follow(shared, signal);
  }

  /** Forgets every kept catalog of this transport (memory and localStorage). */
  clear(): void {
    this.#catalogs.clear();
    const prefix = `consent-elements:catalog:${this.#o.key}:`;
    try {
      for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
    } catch {
      /* storage blocked: nothing kept there */
    }
  }

  get #ttl() {
    return this.#o.ttl ?? 5 * 60_000;
  }

  #read(key: string): ConsentCatalog | undefined {
    try {
      const raw = localStorage.getItem(key);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as Stored;
      const valid = consentCatalog.safeParse(stored.catalog);
      if (Date.now() - stored.at < this.#ttl && valid.success) return valid.data;
      localStorage.removeItem(key);
    } catch {
      /* blocked or unreadable storage: ask the provider */
    }
    return undefined;
  }

  #write(key: string, catalog: ConsentCatalog) {
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), catalog } satisfies Stored));
    } catch {
      /* full or blocked: memory only */
    }
  }
}
