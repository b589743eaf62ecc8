import { ConsentError, errorCodes } from '../../model/errors.js';
import type {
  AccessQuery,
  AccessResult,
  CatalogQuery,
  ConsentCatalog,
  ConsentTransport,
  Decision,
  PrivacyAnswer,
  PrivacyRequest,
  ProviderScope,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../../model/types.js';
import { bearer, describeIssue, endpointHttp, HttpStatusError, peekJson, type EndpointOptions, type Http, type RequestOptions, type Schema, type TokenGetter } from '../core/http.js';
import { array, object, optional, string } from '../core/check.js';
import { accessResult, consentCatalog, privacyAnswer, receipt, saveResponse, stateResponse } from './contract.js';
import { takePreloaded } from './preload.js';
import { readOnly } from '../core/share.js';

export interface HostOptions extends EndpointOptions {
  /** Base URL of the publisher's consent API, e.g. `/api/consent`. */
  endpoint: string;
  /** A bearer token for the backend, when it does not rely on the session cookie. */
  getToken?: TokenGetter;
  /** Called once on a 401 before the request is tried again with a fresh `getToken()`. */
  refreshToken?: () => void | Promise<void>;
  /**
   * Default `include`: the backend's cookies (the visitor cookie, the site's session) go with
   * every request, also to an API on another origin of the site (it answers CORS with credentials).
   */
  credentials?: RequestCredentials;
}

const scope = ({ issuer, clientId, serviceId, templateId }: ProviderScope): ProviderScope => ({ issuer, clientId, serviceId, templateId });

const hostError = object({ code: optional(string()), message: optional(string()), receipts: optional(array(receipt)) });

// A new visitor gets their id (the backend's cookie) with the answer to their first save. Saves
// sent before that cookie reaches the browser (two tabs at once, or a first answer that was lost)
// carry no cookie: each would make a new visitor, and the browser keeps only the last cookie. So
// each save also carries a claim, the same in every tab (localStorage) until a save is answered,
// and the backend makes the same visitor of one claim. It holds only a time and a random id.
const CLAIM = 'consent-elements:visitor-claim';
/** This page's claim (all it has where localStorage is blocked). */
let pageClaim: string | undefined;

/** What `op` makes of localStorage; undefined where it is blocked or full. */
function local<T>(op: (s: Storage) => T): T | undefined {
  try {
    return op(localStorage);
  } catch {
    return undefined;
  }
}

/** The visitor claim saves carry until one is answered; a new one after 12 hours (the backend takes one for a day). */
function visitorClaim(): string {
  const kept = local((s) => s.getItem(CLAIM)) ?? pageClaim;
  if (kept && Date.now() - parseInt(kept) < 43_200_000) return kept;
  const claim = (pageClaim = `${Date.now()}.${crypto.randomUUID()}`);
  local((s) => s.setItem(CLAIM, claim));
  return claim;
}

/**
 * Talks to the publisher's own backend, which holds the provider credentials. The contract
 * (all bodies in the normalized model):
 * `GET catalog?issuer=|clientId=&serviceId=&templateId=, &lang=&onlyActive=` → ConsentCatalog;
 * `GET state?…scope…&subject=&subjectType=` → `{ decisions }` (the visitor is who the backend's session
 * or its visitor cookie names: the subject sent is a hint it may ignore, and the shipped backend does);
 * `POST decisions` `{ …scope…, subject, source, eventTime, decisions }` with an `Idempotency-Key` header → `{ receipts }`
 * (a repeated key is answered with the first result, never stored twice);
 * `POST access` `{ product?, articleId?, domain?, categoryType?, consent?, issuer?, subject? }` → AccessResult
 * (the backend adds who the visitor is for entitlements);
 * `POST privacy/access` or `privacy/erasure` `{ sendReceipt }` → `{ accepted, receiptSent }` (for the
 * visitor the backend's session names; it opens a case, no data is returned).
 * Errors answer `{ code, message, receipts? }` with a ConsentError code.
 */
export class HostTransport implements ConsentTransport {
  readonly name = 'host';
  /** The host contract answers a repeated `Idempotency-Key` with the first result. */
  readonly idempotentWrites = true;
  readonly #http: Http;

  constructor(options: HostOptions) {
    // Retries belong to one layer: the backend already retried the provider before answering 502
    // or 504, so those are shown at once, not asked for again (3 × 3 provider calls per read).
    this.#http = endpointHttp({ retryStatus: [408, 429, 500, 503], credentials: 'include', ...options }, options.getToken && bearer(options.getToken, options.refreshToken));
  }

  loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    // Read-only: the answer is this transport's own, so the layers above share it instead of copying it.
    return this.#read('catalog', consentCatalog, { searchParams: { ...scope(q), lang: q.lang, onlyActive: q.onlyActive }, signal }, false).then(readOnly);
  }

  async loadState(q: StateQuery, signal?: AbortSignal): Promise<Decision[]> {
    const searchParams = { ...scope(q), subject: q.subject?.id, subjectType: q.subject?.type };
    return (await this.#read('state', stateResponse, { searchParams, signal }, true)).decisions;
  }

  /** A question: the answer the page's server preloaded into the page, or the backend's (a body is a POST). */
  async #read<T>(path: string, schema: Schema<T>, o: RequestOptions & { body?: object }, aboutVisitor: boolean): Promise<T> {
    const url = this.#http.url(path, o.searchParams);
    const preloaded = takePreloaded(url, aboutVisitor, o.body);
    if (preloaded !== undefined) {
      const checked = schema.safeParse(preloaded);
      if (checked.success) return checked.data;
      console.warn(`consent-elements: preloaded ${url.pathname} is not valid (${describeIssue(checked.error.issues)}); asking the backend.`);
    }
    return this.#call(() => (o.body ? this.#http.post(path, o.body, schema, { ...o, idempotent: true }) : this.#http.get(path, schema, o)));
  }

  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    const body = { ...scope(q), subject: q.subject, source: q.source, eventTime: q.eventTime, decisions: q.decisions };
    const headers = { ...(q.idempotencyKey ? { 'idempotency-key': q.idempotencyKey } : {}), 'consent-visitor-claim': visitorClaim() };
    const { receipts } = await this.#call(() => this.#http.post('decisions', body, saveResponse, { signal, headers }));
    // Answered: the visitor's cookie is in the browser now, and names them from here on.
    local((s) => s.removeItem(CLAIM));
    pageClaim = undefined;
    return receipts;
  }

  /** A question without side effects, so it is retried like a read. */
  checkAccess(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult> {
    // Every field of the contract; never `ip` or the reader's identity: the backend takes those from the request and its session.
    const { product, articleId, domain, categoryType, accessAzureAd, accessAidFamily, accessDomain, accessArticle, ipAccess, consent, issuer, subject } = q;
    const body = { product, articleId, domain, categoryType, accessAzureAd, accessAidFamily, accessDomain, accessArticle, ipAccess, consent, issuer, subject };
    return this.#read('access', accessResult, { body, signal }, true);
  }

  /** Not retried: each request opens a case. */
  requestPrivacy(r: PrivacyRequest, signal?: AbortSignal): Promise<PrivacyAnswer> {
    return this.#call(() => this.#http.post(`privacy/${r.right}`, { sendReceipt: r.sendReceipt }, privacyAnswer, { signal }));
  }

  /**
   * A backend on another origin that answers without CORS headers for this page (a wrong endpoint,
   * or a server that does not allow this origin) fails like a network: the browser hides the
   * answer. An opaque request to it still arrives, and then the fault is the setup's. It stays
   * retryable: a proxy's error page in an outage looks the same, and a save must stay queued.
   */
  async #unreadable(e: ConsentError): Promise<ConsentError> {
    const base = this.#http.url('');
    if (!globalThis.location || base.origin === location.origin) return e;
    try {
      await fetch(base, { mode: 'no-cors', credentials: 'omit' });
    } catch {
      return e;
    }
    return new ConsentError('config', `${base.href} answers, but not to this page: check the endpoint attribute, and that the backend allows ${location.origin} (CORS).`, { retryable: true, cause: e });
  }

  /** Keeps the backend's own error code and any partial receipts. */
  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ConsentError && e.code === 'network') throw await this.#unreadable(e);
      if (!(e instanceof ConsentError && e.cause instanceof HttpStatusError)) throw e;
      const response = e.cause.response;
      const body = hostError.safeParse(await peekJson(response));
      const own = body.success && (errorCodes as readonly string[]).includes(body.data.code ?? '');
      // The contract answers its errors with a code; a 404 or 405 without one is something else
      // at that address (a page, another API): the endpoint is wrong, not the visitor's request.
      if (!own && (e.status === 404 || e.status === 405))
        throw new ConsentError('config', `No consent API answers at ${this.#http.url('').href} (${e.status}): check the endpoint attribute.`, { status: e.status, cause: e });
      if (!body.success) throw e;
      const code = own ? (body.data.code as ConsentError['code']) : e.code;
      const err = new ConsentError(code, body.data.message ?? e.message, { status: e.status, retryAfter: e.retryAfter, cause: e });
      if (body.data.receipts) err.receipts = body.data.receipts;
      throw err;
    }
  }
}
