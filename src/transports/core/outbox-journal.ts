import type { ConsentError, ConsentErrorCode } from '../../model/errors.js';
import type { Decision, Receipt, SaveRequest, StateQuery } from '../../model/types.js';

// What a save must have written in the task of the click, before anything is awaited: the outbox
// (outbox.ts) and the stand-in that is built before its code arrives (outbox.lazy.ts) both write
// it, so the two make the same entries and read the same marks (and tell a save kept for later alike).

/** One save waiting to be confirmed by the provider. */
export interface OutboxEntry {
  /** Idempotency key of this save; each decision's key is `${id}:${itemId}:${granted}`. */
  id: string;
  /** Which transport sends it (provider + endpoint). */
  key: string;
  /** The visitor and catalog it is about: entries of one scope are one ordered intent. */
  scope: string;
  /** Order of intents across tabs: a later save supersedes what an earlier one said of the same items. */
  seq: number;
  /** `decisions`: what the visitor last chose for these items (never an older wish). */
  request: SaveRequest;
  createdAt: number;
  attempts: number;
  /** When the last attempt started; its outcome is unknown until it answered. */
  attemptAt?: number;
  /** The last attempt may have stored part of it (network, timeout, 5xx, a page that died sending). */
  ambiguous: boolean;
  /** Not sent before this time (Retry-After, or the write deadline of an unknown outcome). */
  notBefore: number;
  /**
   * Older saves of the same items whose attempt may still reach the provider (transports without
   * idempotent writes): this one waits until they are answered or their write deadline passed,
   * so an old write landing late never reverses it.
   */
  waitsFor?: string[];
  /** The page that saved it was told "queued": a later outcome must be announced. */
  announced: boolean;
  /** The provider refused it for good: kept and shown until the visitor retries or chooses again. */
  failed?: { code: ConsentErrorCode; message: string; status?: number };
}

// A mark in localStorage, set before an entry is written and removed once the store is empty, so
// a page learns that nothing waits without IndexedDB (whose answer comes tasks later) and draws
// the provider's state in its first frame. Setting it takes no lock: a visitor who saves and
// leaves at once must get the write-ahead started. A tab that removed it counts again and sets
// it back should another tab have written meanwhile. (Were it ever missing wrongly, nothing is
// lost: every page's outbox reads IndexedDB to send what waits; only its first frame is older.)
const HELD = 'consent-elements:outbox-held';
/** The mark: read (no argument), set or removed. False only when no entry can be stored (blocked storage reads as set). */
export function mark(set?: boolean): boolean {
  try {
    if (set === undefined) return localStorage.getItem(HELD) !== null;
    if (set) localStorage.setItem(HELD, '1');
    else localStorage.removeItem(HELD);
  } catch {
    /* blocked: nothing kept there */
  }
  return true;
}

// Saves whose write-ahead IndexedDB has not committed yet, in localStorage: written in the task of
// the click, they outlive a tab closed at once (its IndexedDB transaction is dropped uncommitted,
// and no request may have left). The next page of the site stores them before reading the queue.
const JOURNAL = 'consent-elements:outbox-journal:';
export type Journaled = { entry: OutboxEntry; knew: string[] };
/** Each save under a key of its own: clearing one reads nothing (a 1,000-item catalog is 0.3 MB of JSON). */
export function journal(entry: OutboxEntry, knew: Set<string>) {
  try {
    localStorage.setItem(JOURNAL + entry.id, JSON.stringify({ entry, knew: [...knew] } satisfies Journaled));
  } catch {
    /* blocked or full: IndexedDB alone keeps it, as before */
  }
}
export function unjournal(id: string) {
  try {
    localStorage.removeItem(JOURNAL + id);
  } catch {
    /* blocked: nothing was kept there */
  }
}
/** The saves in the journal (none where localStorage is blocked). */
export function journaled(): Journaled[] {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k) => k?.startsWith(JOURNAL));
    return keys.flatMap((k) => {
      try {
        return [JSON.parse(localStorage.getItem(k!)!) as Journaled];
      } catch {
        return []; // unreadable: the others still count
      }
    });
  } catch {
    return [];
  }
}

/** A wall clock that never runs backwards within a page; tabs share the system clock. */
let lastSeq = 0;
export const nextSeq = () => (lastSeq = Math.max(lastSeq + 1e-3, performance.timeOrigin + performance.now()));

/** Whose decisions about which catalog: entries and events of one scope concern the same answers. */
export function scopeKey(key: string, q: StateQuery): string {
  const { issuer = '', clientId = '', serviceId = '', templateId = '', subject } = q;
  return JSON.stringify([key, issuer, clientId, serviceId, templateId, subject?.type ?? '', subject?.id ?? '']);
}

/** A new save of `q`, as it is stored before its first attempt. */
export const newEntry = (key: string, q: SaveRequest): OutboxEntry => ({
  id: crypto.randomUUID(),
  key,
  scope: scopeKey(key, q),
  seq: nextSeq(),
  request: structuredClone({ ...q }),
  createdAt: Date.now(),
  // Write-ahead: its page sends it right away; should the page die meanwhile, the outcome is unknown.
  attempts: 1,
  attemptAt: Date.now(),
  ambiguous: true,
  notBefore: 0,
  announced: false,
});

/** Whether the failure may go away by itself: worth keeping the decisions and trying again. */
export const transient = (e: ConsentError) => e.retryable || e.code === 'network' || e.code === 'timeout';

/** Decisions kept to send later, as the receipts the visitor's page gets: why they wait is what it says. */
export function queuedReceipts(decisions: Decision[], error?: ConsentError): Receipt[] {
  const because = error?.code === 'rate-limited' || (error?.status ?? 0) >= 500 ? 'provider' : 'connection';
  return decisions.map((d) => ({ ...d, queued: true, queuedBecause: because }));
}
