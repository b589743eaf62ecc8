import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { choiceKey, itemIndex, planDecisions, toMap } from '../../model/decisions.js';
import { flattenItems } from '../../model/tree.js';
import { ConsentError, toConsentError, type ConsentErrorCode } from '../../model/errors.js';
import { journal, journaled, mark, newEntry, queuedReceipts, scopeKey, transient, unjournal, type OutboxEntry } from './outbox-journal.js';
import type {
  ConsentTransport,
  Decision,
  QueueEvent,
  QueueState,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../../model/types.js';

export { scopeKey, type OutboxEntry };

/**
 * A save whose write-ahead began before this code was loaded (`LazyOutbox`, in the task of the
 * click): its entry is in the journal already, and its first attempt may be on its way (`early`).
 */
export interface Draft {
  entry: OutboxEntry;
  /** The saves of its scope the page had heard of at the click (see `#enqueue`). */
  knew?: Set<string>;
  early?: Promise<Receipt[]>;
}

export interface OutboxOptions {
  /** Names the transport in stored entries, so the next page load can send them. */
  key: string;
  /** First wait before retrying while the page stays open, ms; doubled each time. Default 1 000. */
  minDelay?: number;
  /** Longest wait between retries while the page stays open, ms. Default 60 000. */
  maxDelay?: number;
  /**
   * After an attempt whose outcome is unknown, how long until the provider's state is trusted to
   * show it, ms: only then is the state read and what still differs sent. Default 30 000.
   * Transports with idempotent writes (`idempotentWrites`) resend with the same keys instead.
   * Without them, a newer save of the same items waits this long for such an attempt (or its answer).
   */
  writeDeadline?: number;
  /** How long a save waits for the provider before the visitor is told it is queued, ms. Default 8 000. */
  saveDeadline?: number;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('consent-elements', 'outbox'));


type Listener = (e: QueueEvent) => void;
const listeners = new Map<string, Set<Listener>>();

// Tabs of one visitor hear each other's outcomes (BroadcastChannel; a storage event where it is missing).
const CHANNEL = 'consent-elements:outbox';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
// On a server (Node, which has BroadcastChannel too) the channel must not keep the process alive.
(channel as { unref?: () => void } | undefined)?.unref?.();
type Scoped = QueueEvent & { scope: string };
type Wire = Omit<Scoped, 'error'> & { error?: ReturnType<ConsentError['toJSON']> };
channel?.addEventListener('message', (m: MessageEvent) => receive(m.data as Wire));
if (!channel)
  globalThis.addEventListener?.('storage', (e: StorageEvent) => {
    if (e.key === CHANNEL && e.newValue) receive(JSON.parse(e.newValue) as Wire);
  });

function receive({ error, ...e }: Wire) {
  deliver({ ...e, ...(error ? { error: revive(error) } : {}) }, true);
}

/**
 * Scopes in which this page has seen a save kept for later (its own, another tab's, or one an
 * earlier page left): a newer save there is sent only after its write-ahead took its items from
 * those, so a tab closed at once cannot leave an older one holding them (see saveDecisions).
 */
const heldBack = new Set<string>();

/**
 * The saves of each scope this page has heard of (from any tab, or left by an earlier page): what
 * its view of the visitor's choices can reflect. The first heard go once there are 500 in a scope.
 */
const heard = new Map<string, Set<string>>();
function hear(scope: string, entry: string | undefined) {
  if (!entry) return;
  const ids = heard.get(scope) ?? new Set<string>();
  heard.set(scope, ids.add(entry));
  if (ids.size > 500) ids.delete(ids.values().next().value!);
}

function deliver(e: Scoped, remote: boolean) {
  hear(e.scope, e.entry);
  if (e.type === 'queued' || e.type === 'failed') heldBack.add(e.scope);
  // A copy: a listener that watches again (an element reloading) must not be called again for this event.
  for (const fn of [...(listeners.get(e.scope) ?? [])]) fn({ ...e, remote });
}

function announce(e: Scoped) {
  deliver(e, false);
  // What crosses to other tabs is plain data: an error goes as its JSON.
  const wire: Wire = { ...e, error: e.error?.toJSON() };
  try {
    if (channel) channel.postMessage(wire);
    else globalThis.localStorage?.setItem(CHANNEL, JSON.stringify({ ...wire, nonce: Math.random() }));
  } catch {
    // Another tab will read the provider again on its next load.
  }
}

/**
 * Takes the scope's lock, shared by the visitor's tabs (Web Locks; without them, this page
 * alone), and resolves with its release.
 */
function hold(scope: string): Promise<() => void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((acquired) => {
    void locks.request(`consent-elements:outbox:${scope}`, () => new Promise<void>((release) => acquired(release)));
  });
}

/** Every stored entry, of every transport and scope. */
const allEntries = () => db()('readonly', (s) => promisifyRequest(s.getAll() as IDBRequest<OutboxEntry[]>));

/**
 * Whether anything may wait: the mark, or else (should it be missing wrongly) the database
 * existing at all. Asking which databases exist does not create one, as opening does: a new
 * visitor's page does no IndexedDB work at start, and gets no database until a save needs it.
 */
async function mayHold(): Promise<boolean> {
  const names = mark() ? undefined : await globalThis.indexedDB?.databases?.().catch(() => undefined);
  return !names || names.some((d) => d.name === 'consent-elements');
}

/** All of a scope's entries, oldest intent first. */
async function entriesOf(scope: string): Promise<OutboxEntry[]> {
  return (await allEntries()).filter((e) => e.scope === scope).sort((a, b) => a.seq - b.seq);
}

/**
 * Wraps a transport so no decision is lost, doubled or reversed. Each save is one intent of one
 * visitor about one catalog: it is written to IndexedDB before it is sent, supersedes what older
 * queued intents said of the same items, and is removed only when the provider confirmed it.
 * Sends of one scope are serialized across tabs (Web Locks) in intent order. A save that fails
 * on the way (offline, timeout, 5xx, 429) is kept and sent again with backoff, when the browser is
 * back online, when the page is left, and on the next page load. An attempt whose outcome is
 * unknown is resolved by reading the provider's state once the write deadline has passed (or by
 * resending with the same idempotency keys, for transports that honour them), never by blind
 * resend. A final refusal of something the visitor was told is queued is kept and announced
 * (`watch`), never dropped silently.
 */
export class OutboxTransport implements ConsentTransport {
  readonly name: string;
  readonly inner: ConsentTransport;
  readonly #o: OutboxOptions;
  #timer?: ReturnType<typeof setTimeout>;
  #timerAt = Infinity;
  #delay: number;
  /** Entries whose attempt this page is making right now. */
  readonly #sending = new Set<string>();
  /** Saves this page made and has not attempted yet (stored already marked as an attempt). */
  readonly #unsent = new Set<string>();
  /** Saves whose visitor this page told "queued". */
  readonly #announced = new Set<string>();
  /** First attempts sent before their entry was stored (idempotent writes only), by entry id. */
  readonly #early = new Map<string, Promise<Receipt[]>>();
  /** Saves this page's visitor is waiting for (Save clicked, no answer shown yet). */
  readonly #awaiting = new Set<string>();
  /** Saves whose final refusal this page is recording (and will announce). */
  readonly #refusing = new Set<string>();
  /** Scopes this page has entries in (from saves, loads and flushes). */
  readonly #scopes = new Set<string>();
  /** Saves made on this page: their journal records are its own to clear. */
  readonly #made = new Set<string>();
  #replaying?: Promise<void>;
  #disposed = false;

  constructor(inner: ConsentTransport, options: OutboxOptions) {
    this.inner = inner;
    this.name = inner.name;
    this.#o = options;
    this.#delay = options.minDelay ?? 1000;
    if (inner.loadState) this.loadState = (q, signal) => this.#loadState(q, signal);
    if (inner.checkAccess) this.checkAccess = inner.checkAccess.bind(inner);
    if (inner.requestPrivacy) this.requestPrivacy = inner.requestPrivacy.bind(inner);
  }

  #started?: Promise<void>;

  /**
   * Starts listening (back online; leaving the page) and sends what earlier pages left behind.
   * Called on first use too; once only. Settles when that start-up flush is done.
   */
  start(): Promise<void> {
    if (!this.#started) {
      globalThis.addEventListener?.('online', this.#onOnline);
      // Leaving: one last try for what waits (writes go out with keepalive, so they outlive the page).
      globalThis.addEventListener?.('pagehide', this.#onOnline);
      this.#started = Promise.resolve().then(() => this.flush());
    }
    return this.#started;
  }

  loadCatalog: ConsentTransport['loadCatalog'] = (q, signal) => this.inner.loadCatalog(q, signal);
  loadState?: ConsentTransport['loadState'];
  checkAccess?: ConsentTransport['checkAccess'];
  requestPrivacy?: ConsentTransport['requestPrivacy'];

  /** Stops retrying and listening; entries stay stored for the next page. It does not start again. */
  dispose(): void {
    this.#disposed = true;
    this.#started ??= Promise.resolve();
    clearTimeout(this.#timer);
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('pagehide', this.#onOnline);
  }

  #onOnline = () => void this.flush();

  async #loadState(q: StateQuery, signal?: AbortSignal): Promise<Decision[]> {
    void this.start();
    const decisions = await this.inner.loadState!(q, signal);
    const scope = scopeKey(this.#o.key, q);
    this.#scopes.add(scope);
    announce({ type: 'state', scope, decisions });
    await this.#forgetHeld(scope, toMap(decisions)).catch(() => undefined);
    return decisions;
  }

  /**
   * A refused save whose choices the provider holds after all (stored by the refused attempt, or
   * by a later save) has nothing left to retry: it is removed, or it would ask for Retry forever.
   */
  async #forgetHeld(scope: string, state: Map<string, boolean>): Promise<void> {
    if (!mark()) return;
    const held = (d: Decision) => state.get(d.itemId) === d.granted;
    const stale = (await entriesOf(scope)).filter((e) => e.failed && e.request.decisions.some(held));
    for (const e of stale)
      await this.#patch(e.id, (old) => {
        const rest = old.request.decisions.filter((d) => !held(d));
        return rest.length ? { ...old, request: { ...old.request, decisions: rest } } : undefined;
      });
  }

  /**
   * Hears the outcomes of this scope's saves, in this tab and in the visitor's other tabs:
   * `state` (what the provider holds, after a read), `sent` (confirmed), `queued`, `failed`.
   */
  watch(q: StateQuery, fn: Listener): () => void {
    void this.start();
    const scope = scopeKey(this.#o.key, q);
    let set = listeners.get(scope);
    if (!set) listeners.set(scope, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** What waits to be sent for this scope, and what the provider refused for good. */
  async queued(q: StateQuery): Promise<QueueState> {
    void this.start();
    const scope = scopeKey(this.#o.key, q);
    await this.#replay();
    const list = mark() ? await entriesOf(scope).catch(() => []) : [];
    for (const e of list) hear(scope, e.id);
    if (list.length) heldBack.add(scope);
    const failed = list.filter((e) => e.failed);
    return {
      pending: list.filter((e) => !e.failed).flatMap((e) => e.request.decisions),
      failed: failed.flatMap((e) => e.request.decisions),
      ...(failed.length ? { error: revive(failed[failed.length - 1]!.failed!) } : {}),
    };
  }

  saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    return this.resume(q, { entry: newEntry(this.#o.key, q) }, signal);
  }

  /**
   * Saves `q` as its draft began (`saveDecisions` begins one; so does `LazyOutbox` before this
   * code arrives). `knew`: what this page had heard of when the visitor pressed Save, all that
   * its confirms can speak of.
   */
  async resume(q: SaveRequest, { entry, knew = new Set(heard.get(entry.scope)), early: begun }: Draft, signal?: AbortSignal): Promise<Receipt[]> {
    this.#made.add(entry.id);
    void this.start();
    if (!this.inner.saveDecisions) throw new ConsentError('unsupported', `The ${this.inner.name} transport cannot save decisions.`);
    const scope = entry.scope;
    this.#scopes.add(scope);
    this.#unsent.add(entry.id);
    // With idempotent writes the request leaves at once, beside the write-ahead (a visitor may
    // leave right after Save, before IndexedDB answers): its key makes any resend of this entry
    // harmless, and the backend does not store it over a newer decision (superseded). Not where
    // older saves wait: should this page close before the write-ahead took their items, a later
    // page would show them (older) as the visitor's choice.
    if (begun) this.#early.set(entry.id, begun);
    else if (this.inner.idempotentWrites && !heldBack.has(scope)) {
      const early = this.inner.saveDecisions({ ...entry.request, idempotencyKey: entry.id });
      early.catch(() => undefined); // handled where it is awaited
      this.#early.set(entry.id, early);
    }
    // The visitor's other tabs show this choice at once, before anything is awaited: a tab closed
    // right after Save may not live to say it later, and a save made there meanwhile would show
    // (and so confirm) the older value.
    announce({ type: 'pending', scope, entry: entry.id, seq: entry.seq, decisions: q.decisions });
    // The scope's lock is asked for while the entry is stored: a visitor may leave right after Save.
    const held = hold(scope);
    const older = await this.#enqueue(entry, knew).catch(() => undefined);
    if (entry.waitsFor) this.#unsent.delete(entry.id);
    // No IndexedDB (private mode, old browser): send without the safety net.
    if (older === undefined) {
      void held.then((release) => release());
      const early = this.#early.get(entry.id);
      this.#early.delete(entry.id);
      return early ?? this.inner.saveDecisions({ ...q, idempotencyKey: entry.id }, signal);
    }

    // The outcome of this entry, whoever sends it (this page, or a flush already under way).
    let stop = () => {};
    // Newer saves that took items of this one while it was on its way (the visitor chose again,
    // maybe in another tab), and whether they were refused: then those items wait nowhere.
    const mine = new Set(q.decisions.map((d) => d.itemId));
    const takers = new Set<string | undefined>();
    let refused: ConsentError | undefined;
    const outcome = new Promise<QueueEvent>((resolve) => {
      stop = this.watch(q, (e) => {
        if (e.entry === entry.id) {
          if (e.type === 'sent' || e.type === 'queued' || e.type === 'failed') resolve(e);
        } else if (e.type === 'superseded' && e.seq! > entry.seq && e.decisions.some((d) => mine.has(d.itemId))) takers.add(e.entry);
        else if (e.type === 'failed' && takers.has(e.entry)) refused = e.error;
      });
      // Nothing older waits in this scope: send this one at once (a visitor may leave right after Save).
      void this.#flushScope(scope, older ? undefined : entry, held);
    });
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (deadline = setTimeout(() => resolve('late'), this.#o.saveDeadline ?? 8000)));
    this.#awaiting.add(entry.id);
    let result = await Promise.race([outcome, late]);
    // Refused just before the deadline and still being recorded: the visitor hears that, not
    // "queued" (the record was made for a visitor who waits, so it keeps nothing to retry later).
    if (result === 'late' && this.#refusing.has(entry.id)) result = await outcome;
    this.#awaiting.delete(entry.id);
    // Later outcomes reach the page through its elements' own watchers.
    stop();
    clearTimeout(deadline);
    if (result !== 'late' && result.type === 'sent') return result.receipts ?? [];
    if (result !== 'late' && result.type === 'failed') throw result.error;
    // "Queued" would be untrue of items a refused newer save took: the visitor is told it failed.
    if (refused) throw refused;
    // Still on the way, or kept for later: the visitor is told, and its outcome will be announced.
    this.#announced.add(entry.id);
    await this.#patch(entry.id, (e) => ({ ...e, announced: true })).catch(() => undefined);
    const error = result === 'late' ? new ConsentError('timeout', 'The provider has not answered yet.') : result.error;
    // The visitor's other tabs show a slow save as queued too (a failed attempt announced it already).
    if (result === 'late') announce({ type: 'queued', scope, entry: entry.id, seq: entry.seq, decisions: q.decisions });
    const done = result === 'late' ? [] : (result.receipts ?? []);
    const sent = new Set(done.map((r) => r.itemId));
    const rest = q.decisions.filter((d) => !sent.has(d.itemId));
    return [...done, ...queuedReceipts(rest, error)];
  }

  /** Number of saves waiting for this transport (refused ones included). */
  async pending(): Promise<number> {
    return (await this.#mine()).length;
  }

  /** Sends every waiting save of this transport, scope by scope, oldest intent first. */
  async flush(): Promise<void> {
    await this.#replay();
    // Nothing can wait (a new visitor): reading a scope's entries would create the database, and
    // every later page would then find it and open it at start.
    if (!(await mayHold())) return;
    const scopes = new Set([...this.#scopes, ...(await this.#stored()).map((e) => e.scope)]);
    await Promise.all([...scopes].map((s) => this.#flushScope(s)));
  }

  /** Stores what a page that closed right after Save left in the journal, so the queue as read holds it. */
  #replay(): Promise<void> {
    return (this.#replaying ??= (async () => {
      for (const { entry, knew } of journaled())
        if (entry.key === this.#o.key && !this.#made.has(entry.id)) await this.#enqueue(entry, new Set(knew)).catch(() => undefined);
    })().finally(() => (this.#replaying = undefined)));
  }

  /** This transport's entries, without opening IndexedDB when nothing may wait. */
  async #mine(): Promise<OutboxEntry[]> {
    return (await mayHold()) ? this.#stored() : [];
  }

  /** This transport's entries in IndexedDB (none where it cannot be read). */
  async #stored(): Promise<OutboxEntry[]> {
    try {
      return (await allEntries()).filter((e) => e.key === this.#o.key);
    } catch {
      return [];
    }
  }

  /**
   * Stores a new intent and, in the same transaction, removes from older entries of its scope
   * every item it decides again (with the items its parents cascade to): latest intent wins.
   * Its confirms outdate only saves the page had heard of (`knew`): a save another tab made a
   * moment before, not yet heard here, is news this page's view could not show, not an older
   * wish the visitor saw and left.
   */
  async #enqueue(entry: OutboxEntry, knew: Set<string>): Promise<boolean> {
    const byId = itemIndex(entry.request.catalog);
    const withChildren = (d: Decision) => {
      const item = byId.get(d.itemId);
      return (item ? flattenItems([item]).map((i) => i.id) : [d.itemId]).map((itemId) => [itemId, d.granted] as const);
    };
    const decided = new Set(entry.request.decisions.flatMap(withChildren).map(([id]) => id));
    // A confirm outdates only an older decision that differs from it: one that agrees may be what
    // made the item look held (another tab's save still on its way) and must still be sent.
    const confirmed = new Map((entry.request.confirms ?? []).flatMap(withChildren));
    const covers = (d: Decision, old: OutboxEntry) =>
      decided.has(d.itemId) || (knew.has(old.id) && confirmed.has(d.itemId) && confirmed.get(d.itemId) !== d.granted);
    const superseded: Decision[] = [];
    let older = false;
    mark(true);
    journal(entry, knew);
    await db()('readwrite', async (s) => {
      const all = await promisifyRequest(s.getAll() as IDBRequest<OutboxEntry[]>);
      // Stored already (its page, or another that found it in the journal, was first): sent from the store.
      if (all.some((e) => e.id === entry.id)) return void (older = true);
      for (const old of all) {
        if (old.scope !== entry.scope || old.seq >= entry.seq) continue;
        const keep = old.request.decisions.filter((d) => !covers(d, old));
        older ||= keep.length > 0 && !old.failed;
        if (keep.length === old.request.decisions.length) continue;
        const taken = old.request.decisions.filter((d) => covers(d, old));
        superseded.push(...taken);
        // Its attempt may still land: without idempotent writes, only waiting keeps it from reversing this.
        if (this.#mayLand(old) && entry.request.decisions.some((d) => taken.some((t) => t.itemId === d.itemId))) this.#waitFor(entry, old);
        if (keep.length) s.put({ ...old, request: { ...old.request, decisions: keep } }, old.id);
        else s.delete(old.id);
      }
      s.put(entry, entry.id);
      await promisifyRequest(s.transaction);
    }).finally(() => unjournal(entry.id));
    if (superseded.length) announce({ type: 'superseded', scope: entry.scope, entry: entry.id, seq: entry.seq, decisions: superseded });
    return older || !!entry.waitsFor;
  }

  /** Whether an entry's last attempt may still reach a provider that cannot tell a late write from a new one. */
  #mayLand(e: OutboxEntry): boolean {
    return !this.inner.idempotentWrites && e.attemptAt !== undefined && e.ambiguous && e.attemptAt + this.#writeDeadline > Date.now();
  }

  get #writeDeadline(): number {
    return this.#o.writeDeadline ?? 30_000;
  }

  /** Makes a new, not yet attempted `entry` wait for `old`'s attempt (see `waitsFor`). */
  #waitFor(entry: OutboxEntry, old: OutboxEntry) {
    entry.waitsFor = [...(entry.waitsFor ?? []), old.id];
    entry.notBefore = Math.max(entry.notBefore, old.attemptAt! + this.#writeDeadline);
    // Not attempted yet: the next page sends it without reading the state first.
    entry.attempts = 0;
    entry.attemptAt = undefined;
    entry.ambiguous = false;
  }

  /** An attempt of `id` was answered: saves waiting for it may go now. */
  async #settled(scope: string, id: string): Promise<void> {
    let freed = false;
    for (const e of await entriesOf(scope)) {
      if (!e.waitsFor?.includes(id)) continue;
      await this.#patch(e.id, (w) => {
        const waitsFor = (w.waitsFor ?? []).filter((x) => x !== id);
        freed ||= waitsFor.length === 0;
        return waitsFor.length ? { ...w, waitsFor } : { ...w, waitsFor: undefined, notBefore: 0 };
      });
    }
    if (freed) this.#schedule(Date.now());
  }

  async #patch(id: string, fn: (e: OutboxEntry) => OutboxEntry | undefined): Promise<OutboxEntry | undefined> {
    let left = 1;
    const next = await db()('readwrite', async (s) => {
      const old = await promisifyRequest(s.get(id) as IDBRequest<OutboxEntry | undefined>);
      const next = old && fn(old);
      if (old && next) s.put(next, id);
      else if (old) {
        s.delete(id);
        left = await promisifyRequest(s.count());
      }
      await promisifyRequest(s.transaction);
      return next;
    });
    if (left === 0) {
      mark(false);
      if ((await db()('readonly', (s) => promisifyRequest(s.count()))) > 0) mark(true);
    }
    return next;
  }

  /**
   * Sends a scope's due entries in intent order; one tab at a time per scope (Web Locks).
   * `fresh`: a save just made, with nothing older in its scope, sent without reading the queue again.
   */
  async #flushScope(scope: string, fresh?: OutboxEntry, held?: Promise<() => void>): Promise<void> {
    if (this.#disposed && !fresh) return held?.then((release) => release());
    const run = async () => {
      let failedTransiently = false;
      let retryAfter: number | undefined;
      let next = Infinity;
      const entries = fresh ? [fresh] : await entriesOf(scope);
      // Saves left here by an earlier page or another tab: newer ones wait for their write-ahead.
      if (!fresh && entries.some((e) => !this.#unsent.has(e.id))) heldBack.add(scope);
      for (const entry of entries) {
        if (entry.key !== this.#o.key || entry.failed || this.#sending.has(entry.id)) continue;
        const first = this.#unsent.delete(entry.id);
        const due = first ? 0 : this.#dueAt(entry);
        if (due > Date.now()) {
          next = Math.min(next, due);
          continue;
        }
        const r = await this.#send(entry, first);
        if (r.retry) {
          failedTransiently = true;
          retryAfter = r.retryAfter ?? retryAfter;
        }
      }
      if (failedTransiently) this.#schedule(Date.now() + (retryAfter !== undefined ? retryAfter * 1000 : this.#backoff()));
      else this.#delay = this.#o.minDelay ?? 1000;
      if (next < Infinity) this.#schedule(next);
    };
    const release = await (held ?? hold(scope));
    try {
      await run();
    } catch {
      this.#schedule(Date.now() + this.#backoff());
    } finally {
      release();
    }
  }

  /**
   * When an entry may be sent. An attempt that started and never answered (its page died, or
   * its answer was lost) is only resolved once the provider's state can be trusted to show it —
   * unless the transport dedupes by idempotency key, which makes a resend safe at once.
   */
  #dueAt(e: OutboxEntry): number {
    const unknownOutcome = e.attemptAt !== undefined && (e.ambiguous || !this.#sending.has(e.id));
    const settle = unknownOutcome && !this.inner.idempotentWrites ? e.attemptAt! + this.#writeDeadline : 0;
    return Math.max(e.notBefore, settle);
  }

  /**
   * One attempt at an entry, under its scope's lock. `first`: this page's own attempt at a save
   * it just made (already marked as an attempt when stored).
   */
  async #send(entry: OutboxEntry, first: boolean): Promise<{ retry: boolean; retryAfter?: number }> {
    this.#sending.add(entry.id);
    let request = entry.request;
    /** What the visitor wants of this entry now (a newer intent may have taken some items). */
    let wanted = entry.request.decisions;
    try {
      if (!first) {
        if (entry.attemptAt !== undefined && !this.inner.idempotentWrites) {
          // The last attempt may have been stored: send only what the provider does not hold yet.
          if (!this.inner.loadState) throw new ConsentError('unsupported', 'Cannot tell what the provider stored: no state read.');
          const state = toMap(await this.inner.loadState(request));
          request = { ...request, decisions: planDecisions(request.catalog, state, toMap(request.decisions)) };
        }
        // Write-ahead: should this page die now, the next one knows the outcome is unknown.
        const marked = await this.#patch(entry.id, (e) => ({ ...e, attempts: e.attempts + 1, attemptAt: Date.now(), ambiguous: true }));
        if (!marked) return { retry: false }; // superseded meanwhile
        wanted = marked.request.decisions;
        // What a newer intent decided again while we waited for the lock is no longer ours to send.
        const mine = new Set(marked.request.decisions.map(choiceKey));
        request = { ...request, decisions: request.decisions.filter((d) => mine.has(choiceKey(d))) };
      }
      // This page's first attempt may be out already (sent at Save, see saveDecisions).
      const early = first ? this.#early.get(entry.id) : undefined;
      this.#early.delete(entry.id);
      // Each request of the attempt is stamped before it leaves (write-ahead): the deadline for an
      // unknown outcome counts from the last one, which may leave long after the first.
      const beforeWrite = this.inner.idempotentWrites ? undefined : () => this.#patch(entry.id, (e) => ({ ...e, attemptAt: Date.now() })).then(() => undefined);
      const receipts = early ? await early : request.decisions.length ? await this.inner.saveDecisions!({ ...request, idempotencyKey: entry.id, beforeWrite }) : [];
      const old = await this.#take(entry.id);
      await this.#settled(entry.scope, entry.id).catch(() => undefined);
      announce({ type: 'sent', scope: entry.scope, entry: entry.id, seq: entry.seq, announced: this.#told(old, entry), decisions: wanted, receipts });
      return { retry: false };
    } catch (e) {
      const error = toConsentError(e);
      const done = error.receipts ?? [];
      const stored = new Set(done.map((r) => r.itemId));
      if (transient(error)) {
        const kept = await this.#patch(entry.id, (old) => ({
          ...old,
          request: { ...old.request, decisions: old.request.decisions.filter((d) => !stored.has(d.itemId)) },
          // A 429 was never processed; anything else may have been.
          ambiguous: error.code !== 'rate-limited',
          attemptAt: error.code === 'rate-limited' ? undefined : old.attemptAt,
          notBefore: error.retryAfter !== undefined ? Date.now() + error.retryAfter * 1000 : 0,
        })).catch(() => undefined);
        if (error.code === 'rate-limited') await this.#settled(entry.scope, entry.id).catch(() => undefined);
        // What still waits of it: a newer intent may have taken items while this attempt was out.
        const waiting = kept?.request.decisions ?? [];
        announce({ type: 'queued', scope: entry.scope, entry: entry.id, seq: entry.seq, decisions: waiting, receipts: done, error });
        return { retry: !!kept, retryAfter: error.retryAfter };
      }
      // Kept and announced unless the visitor waits for this answer on this page and is shown it
      // there: a save whose page closed right after Save is never dropped silently either.
      this.#refusing.add(entry.id);
      let announced = this.#told(undefined, entry) || !this.#awaiting.has(entry.id);
      // Refused: what this attempt sent, not stored, and still this entry's (a newer save may have taken items meanwhile).
      const sent = new Set(request.decisions.map(choiceKey));
      let rest: Decision[] = [];
      const failed = { code: error.code, message: error.message, ...(error.status ? { status: error.status } : {}) };
      // In one transaction: a newer save of another tab must not slip between reading and keeping it.
      await this.#patch(entry.id, (old) => {
        announced ||= this.#told(old, entry);
        rest = old.request.decisions.filter((d) => !stored.has(d.itemId) && sent.has(choiceKey(d)));
        // Otherwise the visitor is waiting for this answer and is shown it; their choices stay on screen.
        return announced && rest.length ? { ...old, request: { ...old.request, decisions: rest }, failed } : undefined;
      }).catch(() => undefined);
      await this.#settled(entry.scope, entry.id).catch(() => undefined);
      announce({ type: 'failed', scope: entry.scope, entry: entry.id, seq: entry.seq, announced, decisions: rest, receipts: done, error });
      return { retry: false };
    } finally {
      this.#sending.delete(entry.id);
      this.#refusing.delete(entry.id);
    }
  }

  /** Whether the visitor was told this save is queued (by this page, or recorded by another). */
  #told(stored: OutboxEntry | undefined, entry: OutboxEntry): boolean {
    return !!stored?.announced || this.#announced.has(entry.id);
  }

  /** Removes an entry; returns what was stored. */
  async #take(id: string): Promise<OutboxEntry | undefined> {
    let old: OutboxEntry | undefined;
    await this.#patch(id, (e) => void (old = e));
    return old;
  }

  #backoff(): number {
    const wait = this.#delay;
    this.#delay = Math.min(this.#delay * 2, this.#o.maxDelay ?? 60_000);
    return wait;
  }

  /** Flushes again at `at`, unless an earlier flush is already planned. */
  #schedule(at: number) {
    if (this.#disposed || (this.#timer !== undefined && this.#timerAt <= at && this.#timerAt > Date.now())) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, Math.max(0, at - Date.now()));
  }
}

/** A stored failure as a ConsentError again (what crossed IndexedDB or a channel is plain data). */
export function revive(e: { code: ConsentErrorCode; message: string; status?: number; retryable?: boolean } | ConsentError): ConsentError {
  return e instanceof ConsentError ? e : new ConsentError(e.code, e.message, { status: e.status, retryable: e.retryable ?? false });
}
