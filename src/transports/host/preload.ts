// Answers the page's server put into the page (`preloadScript` of `consent-elements/server`), so
// the first reads cost no round trip: the choices, or a gate's content, are drawn in the first
// frame, at their size. An answer is used in the task that first asks for it; later reads ask the
// backend.

/** One preloaded answer, as the page holds them: `[{ url, body?, answer }]`. */
export interface Preloaded {
  /** The read's URL, e.g. `/api/consent/state?issuer=468979834`. */
  url: string;
  /** The body of a question sent as POST (`access`). */
  body?: Record<string, unknown>;
  answer: unknown;
}

// Without the subject hint (the backend ignores it and names the visitor itself); params and body
// fields sorted; a false flag is the same question as an absent one.
const sorted = (entries: [string, unknown][]) =>
  entries.filter(([k, v]) => v !== undefined && v !== false && k !== 'subject' && k !== 'subjectType').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A preloaded answer's key: the same for the same question, however its fields are ordered. */
export function preloadKey(url: URL, body?: object): string {
  const params = new URLSearchParams(sorted([...url.searchParams]) as [string, string][]);
  return `${url.origin}${url.pathname}?${params}${body ? ` ${JSON.stringify(sorted(Object.entries(body)))}` : ''}`;
}

const kept = new Map<string, unknown>();
const seen = new WeakSet<Element>();

/** Takes in the page's preload scripts not read yet. */
function read() {
  for (const el of globalThis.document?.querySelectorAll('script[type="application/json"][data-consent-preload]') ?? []) {
    if (seen.has(el)) continue;
    seen.add(el);
    try {
      for (const p of JSON.parse(el.textContent!) as Preloaded[]) kept.set(preloadKey(new URL(p.url, document.baseURI), p.body), p.answer);
    } catch (e) {
      console.warn('consent-elements: <script data-consent-preload> is not JSON [{ url, body?, answer }]; asking the backend.', e);
    }
  }
}

/**
 * Whether this document came from the server just now. A page the browser shows from its cache
 * (back and forward) holds answers about the visitor from then: a decision made since would be
 * shown as not made.
 */
function fresh(): boolean {
  const nav = globalThis.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return !nav || (nav.type !== 'back_forward' && nav.transferSize !== 0);
}

/** The preloaded answer to a question, in the task first asking; `aboutVisitor` answers only from a fresh document. */
export function takePreloaded(url: URL, aboutVisitor: boolean, body?: object): unknown {
  read();
  const key = preloadKey(url, body);
  const answer = kept.get(key);
  // For every element asking in this task (they draw together), not for a later read: the visitor may have decided since.
  if (kept.has(key)) setTimeout(() => kept.delete(key));
  return aboutVisitor && !fresh() ? undefined : answer;
}
