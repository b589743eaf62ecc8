import { getDefaults } from '../../config.js';
import { importBesideScript } from '../../internal/beside-script.js';
import type { ConsentTransport, QueueEvent, QueueState, Receipt, SaveRequest, StateQuery } from '../../model/types.js';
import { ConsentError } from '../../model/errors.js';
import { journal, mark, newEntry, queuedReceipts, transient, unjournal, type OutboxEntry } from './outbox-journal.js';
import type { OutboxOptions, OutboxTransport } from './outbox.js';

// The outbox's code (with IndexedDB's wrapper) is 3 KB of brotli that a page needs only once the
// visitor saves, or when an earlier page left saves waiting. This stand-in is built in its place:
// it loads the code when the page is idle, at once when saves wait (the localStorage mark), and
// at the latest at a save. A save made before the code is in is written ahead here, in the task
// of the click (the journal the outbox reads at start): a tab closed at once loses nothing.

const load: () => Promise<typeof import('./outbox.js')> = import.meta.env?.MODE?.startsWith('iife')
  ? () => importBesideScript('providers/outbox.js') as Promise<typeof import('./outbox.js')>
  : () => import('./outbox.js');

const idle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
let told = false;

type Watcher = { q: StateQuery; fn: (e: QueueEvent) => void; off?: () => void };

/** `OutboxTransport` whose code loads when first needed: same options, same guarantees. */
export class LazyOutbox implements ConsentTransport {
  readonly name: string;
  readonly inner: ConsentTransport;
  readonly #o: OutboxOptions;
  #real?: OutboxTransport;
  #loading?: Promise<OutboxTransport>;
  #started = false;
  #disposed = false;
  /** Watchers added before the code came: they move to the outbox when it comes. */
  readonly #watchers = new Set<Watcher>();

  constructor(inner: ConsentTransport, options: OutboxOptions) {
    this.inner = inner;
    this.name = inner.name;
    this.#o = options;
    if (!inner.loadState) this.loadState = undefined;
    if (inner.checkAccess) this.checkAccess = inner.checkAccess.bind(inner);
    if (inner.requestPrivacy) this.requestPrivacy = inner.requestPrivacy.bind(inner);
    if (mark()) void this.#load().catch(() => undefined);
    else idle(() => void (this.#disposed || this.#load().catch(() => undefined)));
  }

  /** The outbox, once its code is in; a failed load is tried again by the next call. */
  #load(): Promise<OutboxTransport> {
    return (this.#loading ??= load().then(
      ({ OutboxTransport }) => {
        const real = (this.#real = new OutboxTransport(this.inner, this.#o));
        for (const w of this.#watchers) w.off = real.watch(w.q, w.fn);
        if (this.#disposed) real.dispose();
        else if (this.#started) void real.start();
        return real;
      },
      (e: unknown) => {
        this.#loading = undefined;
        // Saves still go out (see #withoutCode): a file that is not served would go unnoticed.
        if (!told && getDefaults().diagnostics !== false)
          console.warn(`consent-elements: the outbox could not be loaded; saves are sent without it: ${e instanceof Error ? e.message : String(e)}`);
        told = true;
        throw e;
      },
    ));
  }

  /**
   * The outbox's answer where it must give one (its code is in, or saves wait); else, or when its
   * code cannot be loaded, what a page without an outbox has.
   */
  async #ask<T>(use: (o: OutboxTransport) => Promise<T>, without: () => T | Promise<T>): Promise<T> {
    const real = this.#real ?? (mark() ? await this.#load().catch(() => undefined) : undefined);
    return real ? use(real) : without();
  }

  start(): Promise<void> {
    this.#started = true;
    return this.#ask((o) => o.start(), () => undefined);
  }

  dispose(): void {
    this.#disposed = true;
    this.#real?.dispose();
  }

  flush(): Promise<void> {
    return this.#ask((o) => o.flush(), () => undefined);
  }

  pending(): Promise<number> {
    return this.#ask((o) => o.pending(), () => 0);
  }

  loadCatalog: ConsentTransport['loadCatalog'] = (q, signal) => this.inner.loadCatalog(q, signal);
  // Read at once where nothing waits that the outbox would lay over it (a first frame needs it).
  loadState?: ConsentTransport['loadState'] = (q, signal) =>
    this.#ask(
      (o) => o.loadState!(q, signal),
      () => this.inner.loadState!(q, signal),
    );
  checkAccess?: ConsentTransport['checkAccess'];
  requestPrivacy?: ConsentTransport['requestPrivacy'];

  watch(q: StateQuery, fn: (e: QueueEvent) => void): () => void {
    if (this.#real) return this.#real.watch(q, fn);
    const w: Watcher = { q, fn };
    this.#watchers.add(w);
    return () => {
      this.#watchers.delete(w);
      w.off?.();
    };
  }

  queued(q: StateQuery): Promise<QueueState> {
    return this.#ask((o) => o.queued(q), () => ({ pending: [], failed: [] }));
  }

  saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    if (this.#real) return this.#real.saveDecisions(q, signal);
    if (!this.inner.saveDecisions) return this.#load().then((o) => o.saveDecisions(q, signal));
    // What the outbox does in the click's task, done here while its code is on its way: the
    // journal record, and the request itself where writes are idempotent and nothing waits.
    const entry = newEntry(this.#o.key, q);
    const early = this.inner.idempotentWrites && !mark() ? this.inner.saveDecisions({ ...entry.request, idempotencyKey: entry.id }) : undefined;
    early?.catch(() => undefined); // handled where it is awaited
    mark(true);
    journal(entry, new Set());
    return this.#load().then(
      (o) => o.resume(q, { entry, knew: new Set(), early }, signal),
      () => this.#withoutCode(q, entry, early, signal),
    );
  }

  /**
   * A save whose outbox code could not be loaded (offline, or its file not served): sent as it is.
   * Should that fail on the way too, the journal keeps it, the visitor is told it is queued, and
   * the outbox sends it once its code comes: here when the browser is back online, or on the
   * site's next page.
   */
  async #withoutCode(q: SaveRequest, entry: OutboxEntry, early: Promise<Receipt[]> | undefined, signal?: AbortSignal): Promise<Receipt[]> {
    this.#started = true;
    globalThis.addEventListener?.('online', () => void this.#load().catch(() => undefined), { once: true });
    try {
      const receipts = await (early ?? this.inner.saveDecisions!({ ...q, idempotencyKey: entry.id }, signal));
      unjournal(entry.id);
      return receipts;
    } catch (e) {
      if (!(e instanceof ConsentError && transient(e))) {
        unjournal(entry.id);
        throw e;
      }
      // Its outcome, when the outbox has it, is news to this visitor (`announced`).
      journal({ ...entry, announced: true }, new Set());
      return queuedReceipts(q.decisions, e);
    }
  }
}
