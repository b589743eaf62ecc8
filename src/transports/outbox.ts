import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { planDecisions, toMap } from '../model/decisions.js';
import { ConsentError, toConsentError } from '../model/errors.js';
import type { ConsentTransport, Decision, Receipt, SaveRequest } from '../model/types.js';

/** One save waiting to be confirmed by the provider. */
export interface OutboxEntry {
  /** Idempotency key of this save. */
  id: string;
  /** Which transport sends it (provider + endpoint). */
  key: string;
  request: SaveRequest;
  createdAt: number;
  attempts: number;
  /**
   * The last attempt failed in a way that may have stored part of it (network, timeout, 5xx):
   * before sending again, the provider's state is read and only what still differs is sent.
   */
  ambiguous: boolean;
}

export interface OutboxOptions {
  /** Names the transport in stored entries, so the next page load can send them. */
  key: string;
  /** First wait before retrying while the page stays open, ms; doubled each time. Default 1 000. */
  minDelay?: number;
  /** Longest wait between retries while the page stays open, ms. Default 60 000. */
  maxDelay?: number;
}

/** A fresh entry is its page's to send for this long; after that, any page may. */
const IN_FLIGHT_MS = 30_000;

let store: UseStore | undefined;
const db = () => (store ??= createStore('consent-elements', 'outbox'));

/** Whether the failure may go away by itself: worth keeping the decisions and trying again. */
const transient = (e: ConsentError) => e.retryable || e.code === 'network' || e.code === 'timeout';

/**
 * Wraps a transport so no decision is lost: each save is written to IndexedDB before it is
 * sent and removed only when the provider confirmed it. A save that fails on the way (offline,
 * timeout, 5xx, 429) is kept and sent again with backoff, when the browser is back online, when
 * the page is left, and on the next page load; Web Locks keep two tabs from sending the same entry. Its receipts say
 * `queued: true` until then. Final refusals (other 4xx) surface as errors and are dropped.
 */
export class OutboxTransport implements ConsentTransport {
  readonly name: string;
  readonly inner: ConsentTransport;
  readonly #o: OutboxOptions;
  #timer?: ReturnType<typeof setTimeout>;
  #delay: number;
  /** Entries being sent by this page right now. */
  readonly #sending = new Set<string>();

  constructor(inner: ConsentTransport, options: OutboxOptions) {
    this.inner = inner;
    this.name = inner.name;
    this.#o = options;
    this.#delay = options.minDelay ?? 1000;
    if (inner.loadState) this.loadState = inner.loadState.bind(inner);
    if (inner.checkAccess) this.checkAccess = inner.checkAccess.bind(inner);
    globalThis.addEventListener?.('online', () => void this.flush());
    // Leaving: one last try for what waits (writes go out with keepalive, so they outlive the page).
    globalThis.addEventListener?.('pagehide', () => void this.flush());
    // What an earlier page left behind.
    this.started = Promise.resolve().then(() => this.flush());
  }

  /** Settles when the start-up flush (what earlier pages left behind) is done. */
  readonly started: Promise<void>;

  loadCatalog: ConsentTransport['loadCatalog'] = (q, signal) => this.inner.loadCatalog(q, signal);
  loadState?: ConsentTransport['loadState'];
  checkAccess?: ConsentTransport['checkAccess'];

  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    if (!this.inner.saveDecisions) throw new ConsentError('unsupported', `The ${this.inner.name} transport cannot save decisions.`);
    const entry: OutboxEntry = {
      id: crypto.randomUUID(),
      key: this.#o.key,
      request: structuredClone({ ...q }),
      createdAt: Date.now(),
      attempts: 0,
      // Should this page die while sending, the next one cannot know what arrived.
      ambiguous: true,
    };
    const durable = await set(entry.id, entry, db()).then(
      () => true,
      () => false, // no IndexedDB (private mode, old browser): send without the safety net
    );
    this.#sending.add(entry.id);
    try {
      const receipts = await this.inner.saveDecisions(q, signal);
      if (durable) await del(entry.id, db()).catch(() => undefined);
      return receipts;
    } catch (e) {
      const error = toConsentError(e);
      if (!durable || !transient(error)) {
        if (durable) await del(entry.id, db()).catch(() => undefined);
        throw e;
      }
      const done = error.receipts ?? [];
      const sent = new Set(done.map((r) => r.itemId));
      const rest = q.decisions.filter((d) => !sent.has(d.itemId));
      await set(entry.id, { ...entry, request: { ...entry.request, decisions: rest }, attempts: 1, ambiguous: error.code !== 'rate-limited' }, db());
      this.#schedule(error.retryAfter);
      return [...done, ...rest.map((d): Receipt => ({ ...d, queued: true }))];
    } finally {
      this.#sending.delete(entry.id);
    }
  }

  /** Number of saves waiting for this transport. */
  async pending(): Promise<number> {
    return (await this.#mine()).length;
  }

  /** Sends every waiting save of this transport, oldest first. Resolves when done or deferred. */
  async flush(): Promise<void> {
    const run = async () => {
      for (const entry of (await this.#mine()).sort((a, b) => a.createdAt - b.createdAt)) {
        // Being sent right now, by this page or (if recent and never tried) by another tab.
        if (this.#sending.has(entry.id) || (entry.attempts === 0 && Date.now() - entry.createdAt < IN_FLIGHT_MS)) continue;
        if (!(await this.#send(entry))) return this.#schedule();
      }
      this.#delay = this.#o.minDelay ?? 1000;
    };
    // One tab at a time per transport; without Web Locks, this page alone.
    const locks = globalThis.navigator?.locks;
    await (locks ? locks.request(`consent-elements:outbox:${this.#o.key}`, run) : run()).catch(() => this.#schedule());
  }

  async #mine(): Promise<OutboxEntry[]> {
    try {
      return (await entries<string, OutboxEntry>(db())).map(([, e]) => e).filter((e) => e.key === this.#o.key);
    } catch {
      return [];
    }
  }

  /** True when the entry is done with (confirmed or refused for good). */
  async #send(entry: OutboxEntry): Promise<boolean> {
    let request = entry.request;
    try {
      if (entry.ambiguous && this.inner.loadState) {
        // The last try may have been stored: send only what the provider does not hold yet.
        const state = toMap(await this.inner.loadState(request));
        const wanted = toMap(request.decisions);
        const decisions: Decision[] = planDecisions(request.catalog, state, wanted);
        request = { ...request, decisions };
      }
      if (request.decisions.length) await this.inner.saveDecisions!(request);
      await del(entry.id, db());
      return true;
    } catch (e) {
      const error = toConsentError(e);
      if (!transient(error)) {
        await del(entry.id, db()).catch(() => undefined);
        return true;
      }
      const done = new Set((error.receipts ?? []).map((r) => r.itemId));
      const next: OutboxEntry = {
        ...entry,
        request: { ...request, decisions: request.decisions.filter((d) => !done.has(d.itemId)) },
        attempts: entry.attempts + 1,
        ambiguous: error.code !== 'rate-limited',
      };
      await set(entry.id, next, db()).catch(() => undefined);
      return false;
    }
  }

  #schedule(retryAfterSeconds?: number) {
    clearTimeout(this.#timer);
    const wait = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : this.#delay;
    this.#delay = Math.min(this.#delay * 2, this.#o.maxDelay ?? 60_000);
    this.#timer = setTimeout(() => void this.flush(), wait);
  }
}
