import { getDefaults } from '../config.js';
import { ConsentStateEvent, type ConsentStateDetail } from '../events/consent-state.js';
import type { ProviderScope } from '../model/types.js';

/** Which scope decisions belong to: the Connect issuer, Consentua `clientId/serviceId/templateId`, else `''` (a provider with one). */
export const scopeKey = (q: ProviderScope): string => q.issuer ?? (q.templateId ? `${q.clientId ?? ''}/${q.serviceId ?? ''}/${q.templateId}` : '');

/** The visitor's decisions as the page knows them, per scope. */
const known = new Map<string, Map<string, boolean>>();
const listeners = new Set<(d: ConsentStateDetail) => void>();
let settle: () => void = () => undefined;
/** The page's state is known (the provider answered, or could not and the device's decisions stand in). */
export const settled = () => settle();
const ready = new Promise<void>((resolve) => (settle = resolve));

// The visitor's own last known decisions, kept on the device for when the provider cannot be
// reached (offline): the provider's answer always replaces them.
const DEVICE_KEY = 'consent-elements:decisions';
const DEVICE_DAYS = 30;

/**
 * Takes decisions into the page's state (from the provider, an element's load or save, the
 * outbox, another tab) and tells listeners what changed.
 */
export function publish(scope: string, decisions: Iterable<readonly [string, boolean]>, from: 'provider' | 'device' = 'provider'): void {
  const map = known.get(scope) ?? new Map<string, boolean>();
  known.set(scope, map);
  const changed: string[] = [];
  for (const [id, granted] of decisions) if (map.get(id) !== granted) map.set(id, granted), changed.push(id);
  if (from === 'provider') {
    if (changed.length) remember();
    settle();
  }
  if (!changed.length) return;
  // `decisions` is made when first read: as an object, 1,000 answers cost up to 15 ms (V8 adds a
  // hidden class per key), and the page's own listeners never read it.
  const now = new Map(map);
  let record: Record<string, boolean> | undefined;
  const detail: ConsentStateDetail = {
    scope,
    get decisions() {
      return (record ??= Object.fromEntries(now));
    },
    changed,
  };
  for (const fn of listeners) {
    try {
      fn(detail);
    } catch (e) {
      console.error(e); // one listener's bug must not keep the others from hearing
    }
  }
  globalThis.document?.dispatchEvent(new ConsentStateEvent(detail));
}

/**
 * Keeps the page's decisions on the device, in a task of its own and once for all that changed
 * in the task before (each write serializes every scope: at 1,000 answers, a tenth of an Accept
 * all). Written before the page is left, too.
 */
function remember() {
  if (writing) return;
  writing = setTimeout(write);
  globalThis.addEventListener?.('pagehide', write, { once: true });
}
let writing: ReturnType<typeof setTimeout> | undefined;

function write() {
  clearTimeout(writing);
  writing = undefined;
  globalThis.removeEventListener?.('pagehide', write);
  try {
    const scopes = Object.fromEntries([...known].map(([s, m]) => [s, Object.fromEntries(m)]));
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ until: Date.now() + DEVICE_DAYS * 86_400_000, scopes }));
  } catch {
    /* storage blocked or full: the provider is asked each time */
  }
}

export function recall(): Record<string, Record<string, boolean>> {
  try {
    const kept = JSON.parse(localStorage.getItem(DEVICE_KEY) ?? 'null') as { until: number; scopes: Record<string, Record<string, boolean>> } | null;
    if (kept && kept.until > Date.now()) return kept.scopes;
    localStorage.removeItem(DEVICE_KEY);
  } catch {
    /* nothing usable kept */
  }
  return {};
}

const defaultScope = (): string | undefined => {
  const o = getDefaults().consents;
  return o ? scopeKey(o) : undefined;
};

/**
 * The visitor's consent decisions on this page, for page code: `get` is synchronous (`true`
 * given, `false` refused or withdrawn, `undefined` undecided or not known yet); `ready` settles
 * once the provider has answered (or could not be reached and the device's last known decisions
 * are used); `subscribe` hears every change, as does the `consent-state` event on `document`.
 */
export const consents = {
  get(id: string, scope: string | undefined = defaultScope()): boolean | undefined {
    if (scope !== undefined) return known.get(scope)?.get(id);
    for (const m of known.values()) if (m.has(id)) return m.get(id);
    return undefined;
  },
  /** Whether every one of `ids` is given. */
  all(ids: readonly string[], scope?: string): boolean {
    return ids.length > 0 && ids.every((id) => consents.get(id, scope) === true);
  },
  ready,
  subscribe(fn: (d: ConsentStateDetail) => void): () => void {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  },
};
