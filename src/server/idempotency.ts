import { choiceKey, toMap } from '../model/decisions.js';
import { ConsentError, toConsentError } from '../model/errors.js';
import type { ConsentTransport, Decision, Receipt, SaveRequest } from '../model/types.js';
import { memoryStore, type SharedStore } from './store.js';

/** What the backend knows of one decision sent under an idempotency key. */
export type KeyRecord =
  /** Stored by the provider: a repeat is answered with this receipt. */
  | { status: 'done'; receipt: Receipt }
  /** Being written since `at` (by this or another instance). */
  | { status: 'pending'; at: number }
  /** An attempt at `at` ended without knowing whether the provider stored it. */
  | { status: 'unknown'; at: number }
  /** The time of the newest decision written for one visitor's item (keyed by `orderKey`). */
  | { status: 'newest'; eventTime: number };

/** Where idempotency records live: memory by default, a shared store when the backend scales out. */
export interface KeyStore {
  get(key: string): Promise<KeyRecord | undefined>;
  set(key: string, record: KeyRecord, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Idempotency records in a SharedStore: `sharedKeyStore(unstorageStore(storage))` for instances
 * behind one load balancer, so a repeat reaching another instance is still answered once.
 */
export function sharedKeyStore(store: SharedStore): KeyStore {
  return { get: async (key) => (await store.get(key)) as KeyRecord | undefined, set: (key, record, ttlMs) => store.set(key, record, ttlMs), delete: (key) => store.delete(key) };
}

/** An in-memory KeyStore for one process, bounded: the oldest records go first. */
export const memoryKeyStore = (max = 100_000): KeyStore => sharedKeyStore(memoryStore(max));

export interface SaveOnceOptions {
  store: KeyStore;
  transport: ConsentTransport;
  /**
   * After an attempt whose outcome is unknown (the provider timed out, the connection broke),
   * how long until the provider's state is trusted to show it, ms. Until then a repeat is told
   * to come back (503, Retry-After); after it the state is read and only what differs is sent.
   */
  writeDeadline: number;
  /** How long records are kept, ms. Default one day. */
  ttl?: number;
}

/** A decision's own idempotency key, derived from its save's key. */
export const decisionKey = (key: string, d: Decision) => `${key}:${choiceKey(d)}`;

/** The key of the newest decision time of one visitor's item. */
export const orderKey = (q: SaveRequest, itemId: string) =>
  `newest:${JSON.stringify([q.issuer ?? '', q.clientId ?? '', q.serviceId ?? '', q.templateId ?? '', q.subject?.type ?? '', q.subject?.id ?? '', itemId])}`;

/** Writes in flight in this process, by save key: a repeat waits for the first instead of writing again. */
const inFlight = new Map<string, Promise<unknown>>();
/** The last write of each visitor in this process: one visitor's writes reach the provider in order. */
const byVisitor = new Map<string, Promise<unknown>>();

/**
 * Saves decisions so that a repeated idempotency key never stores anything twice: decisions
 * already stored are answered from their records, decisions in flight are waited for, and
 * decisions whose earlier attempt has an unknown outcome are checked against the provider's
 * state once the write deadline has passed. A failure part-way carries the receipts of what was
 * stored, so the caller only ever sends the rest again.
 *
 * It never reverses a visitor's choice either: one visitor's writes go to the provider one at a
 * time, and a decision older (by `eventTime`, when the visitor acted) than one already written
 * for the item — a request that spent long on the way — is answered as `superseded`, not stored.
 */
export async function saveOnce(request: SaveRequest & { idempotencyKey: string }, o: SaveOnceOptions): Promise<Receipt[]> {
  const key = request.idempotencyKey;
  const visitor = orderKey(request, '');
  const before = [inFlight.get(key), byVisitor.get(visitor)];
  const run = Promise.all(before.map((p) => p?.catch(() => undefined))).then(() => write(request, o));
  inFlight.set(key, run);
  byVisitor.set(visitor, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === run) inFlight.delete(key);
    if (byVisitor.get(visitor) === run) byVisitor.delete(visitor);
  }
}

async function write(request: SaveRequest & { idempotencyKey: string }, o: SaveOnceOptions): Promise<Receipt[]> {
  const ttl = o.ttl ?? 86_400_000;
  const now = Date.now();
  const records = await Promise.all(request.decisions.map((d) => o.store.get(decisionKey(request.idempotencyKey, d))));
  const done = new Map<string, Receipt>();
  const fresh: Decision[] = [];
  const unsure: Decision[] = [];
  let wait = 0;
  request.decisions.forEach((d, i) => {
    const r = records[i];
    if (r?.status === 'done') done.set(d.itemId, r.receipt);
    else if (!r || r.status === 'newest') fresh.push(d);
    else if (r.at + o.writeDeadline > now) wait = Math.max(wait, r.at + o.writeDeadline - now);
    else unsure.push(d);
  });
  if (wait > 0) {
    // Another attempt may still land: answer later rather than risk storing it twice.
    const error = new ConsentError('http', 'An earlier attempt of this save is still being settled.', { status: 503, retryAfter: Math.ceil(wait / 1000) });
    error.receipts = request.decisions.flatMap((d) => done.get(d.itemId) ?? []);
    throw error;
  }
  if (unsure.length) {
    if (!o.transport.loadState) throw new ConsentError('unsupported', 'Cannot settle an unknown outcome without reading the state.');
    const state = toMap(await o.transport.loadState(request));
    for (const d of unsure) {
      if (state.get(d.itemId) === d.granted) {
        const receipt: Receipt = { itemId: d.itemId, granted: d.granted };
        done.set(d.itemId, receipt);
        await o.store.set(decisionKey(request.idempotencyKey, d), { status: 'done', receipt }, ttl);
      } else fresh.push(d);
    }
  }
  // A decision made before one already written for its item arrived late: it must not win.
  const when = request.eventTime;
  /** The newest decision time each item had before this write claimed it. */
  const before = new Map<string, KeyRecord | undefined>();
  if (when !== undefined) {
    const newest = await Promise.all(fresh.map((d) => o.store.get(orderKey(request, d.itemId))));
    fresh.forEach((d, i) => before.set(d.itemId, newest[i]));
    for (const [i, d] of [...fresh.entries()].reverse()) {
      const n = newest[i];
      if (n?.status !== 'newest' || n.eventTime <= when) continue;
      const receipt: Receipt = { itemId: d.itemId, granted: d.granted, superseded: true };
      done.set(d.itemId, receipt);
      fresh.splice(i, 1);
      await o.store.set(decisionKey(request.idempotencyKey, d), { status: 'done', receipt }, ttl);
    }
    await Promise.all(fresh.map((d) => o.store.set(orderKey(request, d.itemId), { status: 'newest', eventTime: when }, ttl)));
  }
  // Keep the caller's order (parents before children).
  const toSend = request.decisions.filter((d) => fresh.includes(d));
  if (toSend.length) {
    await Promise.all(toSend.map((d) => o.store.set(decisionKey(request.idempotencyKey, d), { status: 'pending', at: Date.now() }, ttl)));
    try {
      const receipts = await o.transport.saveDecisions!({ ...request, decisions: toSend });
      for (const r of receipts) {
        done.set(r.itemId, r);
        await o.store.set(decisionKey(request.idempotencyKey, r), { status: 'done', receipt: r }, ttl);
      }
    } catch (e) {
      const error = toConsentError(e);
      const stored = error.receipts ?? [];
      for (const r of stored) {
        done.set(r.itemId, r);
        await o.store.set(decisionKey(request.idempotencyKey, r), { status: 'done', receipt: r }, ttl);
      }
      // 429 and final refusals were not processed; anything else may have been.
      const maybe = error.code === 'network' || error.code === 'timeout' || (error.code === 'http' && (error.status ?? 500) >= 500);
      for (const d of toSend.filter((x) => !done.has(x.itemId))) {
        const k = decisionKey(request.idempotencyKey, d);
        await (maybe ? o.store.set(k, { status: 'unknown', at: Date.now() }, ttl) : o.store.delete(k));
        // Refused, so never stored: it must not make an older save of the item look outdated (that
        // save would be answered superseded, and the visitor's choice stored nowhere).
        if (!maybe && when !== undefined) await restoreNewest(o.store, orderKey(request, d.itemId), when, before.get(d.itemId), ttl);
      }
      error.receipts = request.decisions.flatMap((d) => done.get(d.itemId) ?? []);
      throw error;
    }
  }
  return request.decisions.flatMap((d) => done.get(d.itemId) ?? []);
}

/** Gives an item's newest decision time back to what it was, unless a newer write claimed it since. */
async function restoreNewest(store: KeyStore, key: string, claimed: number, previous: KeyRecord | undefined, ttl: number): Promise<void> {
  const now = await store.get(key);
  if (now?.status !== 'newest' || now.eventTime !== claimed) return;
  await (previous ? store.set(key, previous, ttl) : store.delete(key));
}
