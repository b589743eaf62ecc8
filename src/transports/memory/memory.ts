import { ConsentError } from '../../model/errors.js';
import { applyDecisions, itemIndex, toList, toMap } from '../../model/decisions.js';
import { readOnly } from '../core/share.js';
import type { AccessQuery, AccessResult, ConsentCatalog, ConsentTransport, Decision, PrivacyAnswer, PrivacyRequest, Receipt, SaveRequest } from '../../model/types.js';

export interface MemoryOptions {
  /** Frozen once loaded (shared read-only with the elements): set `catalog` anew to change it. */
  catalog: ConsentCatalog;
  /** Stored answers to start from. */
  state?: Decision[];
  /** Delay of every call in ms; `Infinity` never answers (loading states). */
  latency?: number;
  /** Makes the next calls fail with this error (one per call, in order). */
  failures?: ConsentError[];
  /** Makes the next saves fail with this error (one per save), e.g. to show a failed save. */
  saveFailures?: ConsentError[];
  /** Products (or article ids, domains, category types) the visitor is entitled to. */
  entitlements?: string[];
}

/** Keeps everything in memory: for tests, stories and offline demos. */
export class MemoryTransport implements ConsentTransport {
  readonly name = 'memory';
  catalog: ConsentCatalog;
  state: Map<string, boolean>;
  latency: number;
  failures: ConsentError[];
  saveFailures: ConsentError[];
  entitlements: string[];
  /** How many access checks were asked. */
  accessChecks = 0;
  /** Every save request received, in order. */
  readonly saved: Decision[][] = [];
  /** Every privacy-right request received, in order. */
  readonly privacyRequests: PrivacyRequest[] = [];
  #ids = 0;

  constructor(o: MemoryOptions) {
    this.catalog = o.catalog;
    this.state = toMap(o.state ?? []);
    this.latency = o.latency ?? 0;
    this.failures = [...(o.failures ?? [])];
    this.saveFailures = [...(o.saveFailures ?? [])];
    this.entitlements = o.entitlements ?? [];
  }

  async #settle(signal?: AbortSignal): Promise<void> {
    if (this.latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = Number.isFinite(this.latency) ? setTimeout(resolve, this.latency) : undefined;
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    }
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  async loadCatalog(_q: unknown, signal?: AbortSignal): Promise<ConsentCatalog> {
    await this.#settle(signal);
    // Frozen where it is, not copied (1,000 consents cost 4–10 ms to copy): no caller can change it.
    return readOnly(this.catalog);
  }

  async loadState(_q: unknown, signal?: AbortSignal): Promise<Decision[]> {
    await this.#settle(signal);
    return toList(this.state);
  }

  /** Entitled when every asked product/article/domain/category is listed; consent from the state. */
  async checkAccess(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult> {
    this.accessChecks++;
    await this.#settle(signal);
    const asked = [q.product, q.articleId, q.domain, q.categoryType].filter((x): x is string => !!x);
    if (asked.some((x) => !this.entitlements.includes(x))) return { granted: false, reason: 'not-entitled' };
    if (q.consent && this.state.get(q.consent) !== true) return { granted: false, reason: 'consent-missing' };
    return { granted: true, reason: q.consent ? 'consent-given' : 'entitled' };
  }

  async requestPrivacy(r: PrivacyRequest, signal?: AbortSignal): Promise<PrivacyAnswer> {
    await this.#settle(signal);
    this.privacyRequests.push({ right: r.right, sendReceipt: r.sendReceipt });
    return { accepted: true, receiptSent: r.sendReceipt };
  }

  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    await this.#settle(signal);
    const failure = this.saveFailures.shift();
    if (failure) throw failure;
    const known = itemIndex(this.catalog);
    const unknown = q.decisions.find((d) => !known.has(d.itemId));
    if (unknown) throw new ConsentError('http', `Unknown item ${unknown.itemId}`, { status: 400 });
    this.saved.push(q.decisions);
    this.state = applyDecisions(this.state, this.catalog, q.decisions);
    return q.decisions.map((d) => ({ ...d, id: String(++this.#ids), created: Date.now() }));
  }
}
