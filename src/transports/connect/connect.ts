import * as z from 'zod/mini';
import { asksEntitlement } from '../../model/access.js';
import { ConsentError } from '../../model/errors.js';
import { normalizeLang } from '../../model/text.js';
import { nestItems, sortByOrder } from '../../model/tree.js';
import type {
  AccessQuery,
  AccessResult,
  CatalogQuery,
  ConsentCatalog,
  ConsentItem,
  ConsentTransport,
  Decision,
  LocalizedText,
  PrivacyAnswer,
  PrivacyRequest,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../../model/types.js';
import { bearer, endpointHttp, type EndpointOptions, type Http, type TokenGetter } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';

// Wire format of the Connect Privacy → Consent API (field names as the API reference gives them).
// Fields the kit does not use are left out; unknown fields are ignored.
const text = z.object({
  languageCode: z.string(),
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
});

// Fields the reference marks optional are optional here too; wrong types are still refused.
export const connectGroupsSchema = z.object({
  issuer: z.optional(z.string()),
  groups: z._default(
    z.array(
      z.object({
        consentGroupId: z.optional(z.int()),
        created: z.optional(z.number()),
        selectionOrder: z.optional(z.nullable(z.number())),
        texts: z._default(z.array(text), []),
        active: z._default(z.boolean(), true),
      }),
    ),
    [],
  ),
});

export const connectConsentsSchema = z.object({
  issuer: z.optional(z.string()),
  consents: z.array(
    z.object({
      consentId: z.int(),
      consentGroupId: z.int(),
      target: z.optional(z.string()),
      scope: z.optional(z.string()),
      parentConsentId: z.optional(z.nullable(z.int())),
      selectionOrder: z.optional(z.nullable(z.number())),
      displayMode: z.optional(z.nullable(z.string())),
      created: z.optional(z.number()),
      texts: z._default(z.array(text), []),
      active: z._default(z.boolean(), true),
    }),
  ),
});

/** List consent text history: each consent's wording per language, with the windows it was in force. */
export const connectTextHistorySchema = z.object({
  issuer: z.optional(z.string()),
  consents: z._default(
    z.array(
      z.object({
        consentId: z.optional(z.int()),
        texts: z._default(
          z.array(
            z.object({
              consentTextId: z.optional(z.int()),
              languageCode: z.string(),
              textHistory: z._default(
                z.array(z.object({ consentTextHistoryId: z.optional(z.int()), text: z.string(), fromDate: z.optional(z.number()), toDate: z.optional(z.nullable(z.number())) })),
                [],
              ),
            }),
          ),
          [],
        ),
      }),
    ),
    [],
  ),
});

/** Access / Remove private data: `{ success, receiptSend }`. */
export const connectPrivacySchema = z.object({ success: z.optional(z.boolean()), receiptSend: z.optional(z.boolean()) });

export const connectHistorySchema = z.object({
  issuer: z.optional(z.string()),
  subject: z.optional(z.string()),
  subjectType: z.optional(z.string()),
  consents: z.array(
    z.object({
      consentId: z.int(),
      target: z.optional(z.string()),
      scope: z.optional(z.string()),
      events: z.array(
        z.object({
          consentEventId: z.int(),
          created: z.number(),
          source: z.optional(z.nullable(z.string())),
          action: z.boolean(),
        }),
      ),
    }),
  ),
});

const childEvent = z.object({
  consentEventId: z.optional(z.int()),
  consentId: z.int(),
  created: z.optional(z.number()),
  action: z.boolean(),
});

export const connectEventSchema = z.object({
  consentId: z.int(),
  subject: z.optional(z.string()),
  subjectType: z.optional(z.string()),
  consentEventId: z.int(),
  created: z.optional(z.number()),
  source: z.optional(z.nullable(z.string())),
  action: z.boolean(),
  // The reference shows one object; a parent with several children gives several.
  childEvents: z.optional(z.nullable(z.union([childEvent, z.array(childEvent)]))),
});

export const connectAccessSchema = z.object({
  access: z.optional(z.boolean()),
  accesses: z._default(
    z.nullable(
      z.array(
        z.object({
          access: z._default(z.boolean(), false),
          accessLevel: z.optional(z.nullable(z.string())),
          accessType: z.optional(z.nullable(z.string())),
          accessTypeDetail: z.optional(z.nullable(z.unknown())),
        }),
      ),
    ),
    [],
  ),
});

export const connectSubjectTypes = ['CONNECT', 'CONNECTID', 'EXTERNAL', 'ORDER'] as const;

export interface ConnectEventBody {
  consentId: number;
  subject?: string;
  subjectType?: string;
  source?: string;
  action: boolean;
  eventTime?: number;
}

export interface ConnectOptions extends EndpointOptions {
  /** Base URL including `/capi`, e.g. `https://api.mediaconnect.no/capi`, or a proxy of it. */
  endpoint: string;
  /** Bearer token per request: the visitor's ConnectID token (user mode) or a client-credentials token (client mode, server only). */
  getToken?: TokenGetter;
  /** Called once on a 401 before the request is tried again with a fresh `getToken()`. */
  refreshToken?: () => void | Promise<void>;
  /**
   * `user`: `/v1/customer/…` with the visitor's ConnectID token from `getToken()`.
   * `client`: `/v1/client/…`, subject named per request; the token is a client-credentials
   * token and therefore only ever used server-side (host backend).
   */
  mode?: 'user' | 'client';
  /** Sent as `source` on each consent event when the request has none. Default `Web`. */
  source?: string;
  /**
   * Who the reader is for check access (Connect needs `uniqueId` or `credential` with any check
   * but IP): in user mode the signed-in reader's own ids; on a host backend, from its session.
   */
  identity?: () => Pick<AccessQuery, 'uniqueId' | 'credential' | 'customerNumber'> | undefined | Promise<Pick<AccessQuery, 'uniqueId' | 'credential' | 'customerNumber'> | undefined>;
}

const mapTexts = (texts: readonly z.infer<typeof text>[]): LocalizedText[] =>
  texts.map((t) => ({ lang: normalizeLang(t.languageCode), title: t.name, ...(t.description ? { description: t.description } : {}) }));

/** Builds the provider-neutral catalog from the groups and consents responses. */
export function connectCatalog(
  issuer: string,
  groups: z.infer<typeof connectGroupsSchema>,
  consents: z.infer<typeof connectConsentsSchema>,
  wording: z.infer<typeof connectTextHistorySchema> = { consents: [] },
  now = Date.now(),
): ConsentCatalog {
  const current = currentTexts(wording, now);
  const items = new Map<number, ConsentItem[]>();
  const parents = new Map<string, string | undefined>();
  for (const c of consents.consents) {
    const id = String(c.consentId);
    parents.set(id, c.parentConsentId == null ? undefined : String(c.parentConsentId));
    const list = items.get(c.consentGroupId) ?? [];
    list.push({
      id,
      order: c.selectionOrder ?? 0,
      texts: withWording(mapTexts(c.texts), current.get(c.consentId) ?? []),
      active: c.active,
      ref: { consentId: c.consentId, consentGroupId: c.consentGroupId, target: c.target, scope: c.scope },
    });
    items.set(c.consentGroupId, list);
  }
  return {
    source: `connect:${issuer}`,
    groups: sortByOrder(
      // A group without an id cannot hold consents (they name their group by id): left out.
      groups.groups.flatMap((g) =>
        g.consentGroupId === undefined
          ? []
          : [
              {
                id: String(g.consentGroupId),
                order: g.selectionOrder ?? 0,
                texts: mapTexts(g.texts),
                active: g.active,
                items: nestItems(items.get(g.consentGroupId) ?? [], (i) => parents.get(i.id)),
              },
            ],
      ),
    ),
  };
}

/** Per consent, the wording in force at `now` in each language (a window without `toDate` is open). */
function currentTexts(wording: z.infer<typeof connectTextHistorySchema>, now: number): Map<number, LocalizedText[]> {
  const out = new Map<number, LocalizedText[]>();
  for (const c of wording.consents) {
    if (c.consentId === undefined) continue;
    for (const t of c.texts) {
      const w = t.textHistory.find((h) => (h.fromDate ?? 0) <= now && (h.toDate == null || h.toDate > now));
      if (!w || t.consentTextId === undefined) continue;
      const text: LocalizedText = { lang: normalizeLang(t.languageCode), title: w.text, id: String(t.consentTextId) };
      if (w.consentTextHistoryId !== undefined) text.version = String(w.consentTextHistoryId);
      out.set(c.consentId, [...(out.get(c.consentId) ?? []), text]);
    }
  }
  return out;
}

/**
 * The consent's wording is what the visitor agrees to: where one is in force, it is the text's
 * description (and names the text's id and version); a language only the wording has is added.
 */
function withWording(texts: LocalizedText[], wording: LocalizedText[]): LocalizedText[] {
  const out = texts.map((t) => {
    const w = wording.find((x) => x.lang === t.lang);
    return w ? { ...t, description: w.title, id: w.id, ...(w.version ? { version: w.version } : {}) } : t;
  });
  return [...out, ...wording.filter((w) => !texts.some((t) => t.lang === w.lang))];
}

/** The visitor's current answers: per consent the newest event (by `created`, then id). */
export function connectState(history: z.infer<typeof connectHistorySchema>): Decision[] {
  return history.consents.flatMap((c) => {
    const latest = c.events.reduce<(typeof c.events)[number] | undefined>(
      (best, e) => (!best || e.created > best.created || (e.created === best.created && e.consentEventId > best.consentEventId) ? e : best),
      undefined,
    );
    return latest ? [{ itemId: String(c.consentId), granted: latest.action }] : [];
  });
}

export function connectReceipt(d: Decision, r: z.infer<typeof connectEventSchema>): Receipt {
  const children = r.childEvents == null ? [] : Array.isArray(r.childEvents) ? r.childEvents : [r.childEvents];
  return {
    itemId: d.itemId,
    granted: r.action,
    id: String(r.consentEventId),
    created: r.created,
    ...(children.length ? { cascaded: children.map((c) => ({ itemId: String(c.consentId), granted: c.action })) } : {}),
  };
}

/** Talks to the Connect API (or a proxy of it). */
export class ConnectTransport implements ConsentTransport {
  readonly name = 'connect';
  readonly mode: 'user' | 'client';
  readonly #http: Http;
  readonly #source: string;
  readonly #identity: ConnectOptions['identity'];

  constructor(options: ConnectOptions) {
    this.mode = options.mode ?? 'user';
    this.#identity = options.identity;
    this.#source = options.source ?? 'Web';
    this.#http = endpointHttp(options, options.getToken && bearer(options.getToken, options.refreshToken), providerErrorBody);
  }

  get #prefix() {
    return this.mode === 'client' ? 'v1/client/customer/privacy' : 'v1/customer/privacy';
  }

  async loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    const issuer = requireIssuer(q.issuer);
    const searchParams = { onlyActive: q.onlyActive ?? true };
    const [groups, consents, wording] = await Promise.all([
      this.#http.get(`${this.#prefix}/consentGroups/${enc(issuer)}`, connectGroupsSchema, { searchParams, signal }),
      this.#http.get(`${this.#prefix}/consents/${enc(issuer)}`, connectConsentsSchema, { searchParams, signal }),
      // The wording in force, to show and to name in receipts; a provider without it (404) has none.
      this.#http.get(`${this.#prefix}/consent/text/history/${enc(issuer)}`, connectTextHistorySchema, { searchParams, signal }).catch((e: unknown) => {
        if (e instanceof ConsentError && e.status === 404) return undefined;
        throw e;
      }),
    ]);
    // Connect answers an issuer it does not know with empty lists, as it does one without active consents:
    // either way the element has nothing to show, and only the developer can fix it.
    if (!groups.groups.length && !consents.consents.length)
      throw new ConsentError('config', `Connect has no${searchParams.onlyActive ? ' active' : ''} consent groups or consents for issuer "${issuer}": check the issuer attribute.`);
    return connectCatalog(issuer, groups, consents, wording);
  }

  async loadState(q: StateQuery, signal?: AbortSignal): Promise<Decision[]> {
    const issuer = requireIssuer(q.issuer);
    const path =
      this.mode === 'client'
        ? `${this.#prefix}/consentEvent/history/${enc(issuer)}/${enc(requireSubject(q).type)}/${enc(requireSubject(q).id)}`
        : `${this.#prefix}/consentEvent/history/${enc(issuer)}`;
    // onlyActive=false: an answer to a consent that was later retired still counts as given.
    const history = await this.#http.get(path, connectHistorySchema, { searchParams: { onlyActive: false }, signal });
    return connectState(history);
  }

  /**
   * Entitlement (Connect check access) and/or a given consent (from the event history).
   * Entitlement fields other than `ip` need `uniqueId` or `credential` (client mode: the host
   * adds them from its session).
   */
  async checkAccess(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult> {
    const parts: Promise<AccessResult>[] = [];
    const body = connectAccessBody({ ...(await this.#identity?.()), ...q });
    // A customer number with a credential alone asks for that customer's own access.
    const byCustomer = q.customerNumber !== undefined && !!q.credential;
    if (asksEntitlement(q) || q.ip || byCustomer) {
      const path = this.mode === 'client' ? 'v1/client/customer/access' : 'v1/customer/access';
      parts.push(
        this.#http.post(path, body, connectAccessSchema, { signal, idempotent: true }).then((r) => ({
          // No answer is no access: a gate fails closed.
          granted: r.access === true,
          reason: r.access === true ? 'entitled' : 'not-entitled',
          accesses: (r.accesses ?? []).map((a) => ({
            access: a.access,
            ...(a.accessLevel ? { level: a.accessLevel } : {}),
            ...(a.accessType ? { type: a.accessType } : {}),
            ...(a.accessTypeDetail != null ? { detail: a.accessTypeDetail } : {}),
          })),
        })),
      );
    }
    if (q.consent) {
      parts.push(
        this.loadState(q, signal).then((state) => {
          const given = state.find((d) => d.itemId === q.consent)?.granted === true;
          return { granted: given, reason: given ? 'consent-given' : 'consent-missing' };
        }),
      );
    }
    if (!parts.length) throw new ConsentError('config', 'Nothing to check: give a product, article, domain, category type, IP, an access flag, a customer number with a credential, or a consent.');
    return combineAccess(await Promise.all(parts));
  }

  /**
   * Access private data / Remove private data: opens a GDPR case for the signed-in reader (user
   * mode only: the reader is the token's). Not retried: each call opens a case.
   */
  async requestPrivacy(r: PrivacyRequest, signal?: AbortSignal): Promise<PrivacyAnswer> {
    if (this.mode !== 'user') throw new ConsentError('unsupported', 'Connect privacy requests are made with the reader’s own token (user mode).');
    // `access` is the reference page's path; `remove` is inferred from it.
    const path = r.right === 'access' ? 'v1/customer/privacy/access' : 'v1/customer/privacy/remove';
    const a = await this.#http.post(path, { sendReceipt: r.sendReceipt }, connectPrivacySchema, { signal });
    return { accepted: a.success === true, receiptSent: a.receiptSend === true };
  }

  /** One consent event per decision, in order (parents before children), each awaited. */
  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    const subject = this.mode === 'client' ? requireSubject(q) : undefined;
    const refs = new Map(q.catalog.groups.flatMap((g) => flatRefs(g.items)));
    const receipts: Receipt[] = [];
    for (const d of q.decisions) {
      const consentId = refs.get(d.itemId);
      if (consentId === undefined) throw new ConsentError('config', `Consent ${d.itemId} is not in the loaded catalog.`);
      const body: ConnectEventBody = {
        consentId,
        ...(subject ? { subject: subject.id, subjectType: subject.type } : {}),
        source: q.source ?? this.#source,
        action: d.granted,
        eventTime: q.eventTime ?? Date.now(),
      };
      try {
        await q.beforeWrite?.();
        const r = await this.#http.post(`${this.#prefix}/consentEvent`, body, connectEventSchema, { signal });
        receipts.push(connectReceipt(d, r));
      } catch (e) {
        // What was stored before the failure must not be sent again.
        if (e instanceof ConsentError) e.receipts = receipts;
        throw e;
      }
    }
    return receipts;
  }
}

/** The Connect check-access body: only the fields asked, credential at most 60 characters. */
export function connectAccessBody(q: AccessQuery): Record<string, string | number | boolean> {
  if (q.credential !== undefined && q.credential.length > 60)
    throw new ConsentError('config', 'Connect check access: credential is longer than 60 characters.');
  const body: Record<string, string | number | boolean | undefined> = {
    product: q.product,
    articleId: q.articleId,
    domain: q.domain,
    ip: q.ip,
    categoryType: q.categoryType,
    accessAzureAd: q.accessAzureAd,
    accessAidFamily: q.accessAidFamily,
    accessDomain: q.accessDomain,
    accessArticle: q.accessArticle,
    uniqueId: q.uniqueId,
    customerNumber: q.customerNumber,
    credential: q.credential,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number | boolean>;
}

/** All asked conditions must hold; the first that does not says why. */
export function combineAccess(parts: AccessResult[]): AccessResult {
  const failed = parts.find((p) => !p.granted);
  const accesses = parts.flatMap((p) => p.accesses ?? []);
  return {
    granted: !failed,
    reason: failed?.reason ?? parts.map((p) => p.reason).join('+'),
    ...(failed?.pending ? { pending: true } : {}),
    ...(accesses.length ? { accesses } : {}),
  };
}

const enc = encodeURIComponent;

function flatRefs(items: readonly ConsentItem[]): [string, number][] {
  return items.flatMap((i) => [[i.id, Number(i.ref.consentId ?? i.id)] as [string, number], ...flatRefs(i.children ?? [])]);
}

function requireIssuer(issuer: string | undefined): string {
  if (!issuer) throw new ConsentError('config', 'Connect needs an issuer (the `issuer` attribute).');
  return issuer;
}

function requireSubject(q: { subject?: { id: string; type: string } }) {
  if (!q.subject?.id || !q.subject.type) throw new ConsentError('config', 'Connect client mode needs a subject and subject type.');
  return q.subject;
}
