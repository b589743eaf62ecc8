import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import { normalizeLang } from '../../model/text.js';
import { sortByOrder } from '../../model/tree.js';
import type { CatalogQuery, ConsentCatalog, ConsentTransport, Decision, DecisionRecord, LocalizedText, Receipt, SaveRequest, StateQuery } from '../../model/types.js';
import { endpointHttp, inHeader, type EndpointOptions, type Http, type TokenGetter } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';

// Wire format of the SuperOffice WebAPI (v1) person consents. Fields not used are left out.
const text = z.optional(z.nullable(z.string()));

export const superofficePurposesSchema = z.array(
  z.object({
    ConsentPurposeId: z.int(),
    Name: text,
    ConsentText: text,
    FormText: text,
    Key: z.string().check(z.minLength(1)),
    Active: z.optional(z.nullable(z.union([z.number(), z.boolean()]))),
    Deleted: z.optional(z.nullable(z.boolean())),
    Rank: z.optional(z.nullable(z.number())),
    PrivacyStatementUrl: text,
  }),
);

export const superofficeConsentsSchema = z.array(
  z.object({
    ConsentPersonId: z.optional(z.int()),
    LegalBaseKey: z.nullable(z.string()),
    LegalBaseName: text,
    ConsentPurposeKey: z.string(),
    ConsentSourceKey: text,
    ConsentSourceName: text,
    Registered: text,
    Updated: text,
  }),
);

/** SuperOffice's own language keys in multi-language strings, mapped to BCP 47. */
const soLanguages: Record<string, string> = {
  NO: 'nb', US: 'en', GB: 'en', UK: 'en', GE: 'de', DE: 'de', SE: 'sv', DA: 'da', DK: 'da', FI: 'fi',
  FR: 'fr', ES: 'es', NL: 'nl', IT: 'it', PL: 'pl',
};

/**
 * Splits a SuperOffice multi-language value (`NO:"Lagring";US:"Storage"`) into texts; any other
 * value is one text in `lang`. Quotes inside a value are doubled (`""`) in this format.
 */
export function parseMultiLanguage(value: string, lang: string): { lang: string; text: string }[] {
  const parts = [...value.matchAll(/([A-Z]{2}):"((?:[^"]|"")*)"(?:;|$)/g)];
  const whole = parts.reduce((n, m) => n + m[0].length, 0) === value.length;
  if (!parts.length || !whole) return [{ lang, text: value }];
  return parts.map((m) => ({ lang: soLanguages[m[1]!] ?? m[1]!.toLowerCase(), text: m[2]!.replace(/""/g, '"') }));
}

/** One LocalizedText per language from a title and a description that may each be multi-language. */
function texts(title: string, description: string | undefined, lang: string): LocalizedText[] {
  const titles = parseMultiLanguage(title, lang);
  const descs = description ? parseMultiLanguage(description, lang) : [];
  return titles.map((t) => {
    const d = descs.find((x) => x.lang === t.lang) ?? (descs.length === 1 ? descs[0] : undefined);
    return { lang: t.lang, title: t.text, ...(d?.text ? { description: d.text } : {}) };
  });
}

export interface SuperOfficeOptions extends EndpointOptions {
  /** The tenant's WebAPI base, e.g. `https://online.superoffice.com/Cust12345/api/v1`. */
  endpoint: string;
  /** The whole Authorization header value (`Bearer …`, `SoTicket …`, `Basic …`), fetched per call and never kept. */
  getAuthorization: TokenGetter;
  /** Consent source key recorded with a grant. Default `WEBFORM`. */
  source?: string;
  /** Legal base key recorded with a grant. Default `61A` (GDPR 6(1)a, consent). */
  legalBase?: string;
  /**
   * Legal base keys that mean the person consented. Default: `legalBase` (`61A`). A row on any
   * other base (legitimate interest, contract, …) is not a consent the visitor gave: not shown as given.
   */
  consentBases?: readonly string[];
  /**
   * Legal base keys of legitimate interest (GDPR 6(1)f): shown as such, with the visitor's right
   * to object; an objection is sent as a withdrawal (DELETE). Default `61F`. Any other base that
   * is neither consent nor `WITHDRAWN` is shown by its name, without an objection.
   */
  objectionBases?: readonly string[];
  /** The partner application's token (`SO-AppToken`), for Online tenants. A secret: server only. */
  appToken?: string;
}

/**
 * SuperOffice person consents: consent purposes as one group of items (by `Key`), a person's
 * consents as state (legal base `WITHDRAWN` = not granted) with each row's legal basis, source
 * and date as its record, PUT to give and DELETE to withdraw (or object).
 * The subject is the SuperOffice person id, which only the host backend can know.
 */
export class SuperOfficeTransport implements ConsentTransport {
  readonly name = 'superoffice';
  readonly #http: Http;
  readonly #o: SuperOfficeOptions;

  /** An SO-Language set in `headers` is the host's choice and stays. */
  readonly #fixedLanguage: boolean;

  constructor(options: SuperOfficeOptions) {
    this.#o = options;
    this.#fixedLanguage = Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'so-language');
    this.#http = endpointHttp(options, inHeader('authorization', options.getAuthorization, { missing: 'No SuperOffice credentials.' }), providerErrorBody);
  }

  /** Always name a language (both headers: SO-Language wins where it is honoured); without one SuperOffice answers raw multi-language strings. */
  #headers(lang?: string): Record<string, string> {
    const iso2 = (lang ? normalizeLang(lang) : 'en').split('-')[0]!;
    return { 'accept-language': iso2, ...(this.#fixedLanguage ? {} : { 'so-language': iso2 }), ...(this.#o.appToken ? { 'so-apptoken': this.#o.appToken } : {}) };
  }

  async loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    const lang = normalizeLang(q.lang ?? 'en').split('-')[0]!;
    const purposes = await this.#http.get('List/ConsentPurpose/Items', superofficePurposesSchema, { headers: this.#headers(lang), signal });
    return {
      source: 'superoffice:consent-purposes',
      groups: [
        {
          id: 'purposes',
          order: 0,
          active: true,
          texts: [],
          items: sortByOrder(
            purposes.map((p) => ({
              id: p.Key,
              order: p.Rank ?? 0,
              active: !p.Deleted && p.Active !== 0 && p.Active !== false,
              texts: texts(p.ConsentText || p.Name || p.Key, p.FormText ?? undefined, lang),
              ...(p.PrivacyStatementUrl && /^https?:\/\//i.test(p.PrivacyStatementUrl) ? { info: { link: p.PrivacyStatementUrl } } : {}),
              ref: { ConsentPurposeId: p.ConsentPurposeId, Key: p.Key },
            })),
          ),
        },
      ],
    };
  }

  async loadState(q: StateQuery, signal?: AbortSignal): Promise<Decision[]> {
    const rows = await this.#http.get(`Person/${personId(q)}/Consent`, superofficeConsentsSchema, { headers: this.#headers(), signal });
    const consent = new Set(this.#o.consentBases ?? [this.#o.legalBase ?? '61A']);
    // One answer per purpose: of duplicate rows, the one updated last.
    const newest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const seen = newest.get(r.ConsentPurposeKey);
      if (!seen || time(r.Updated) >= time(seen.Updated)) newest.set(r.ConsentPurposeKey, r);
    }
    const objectable = new Set(this.#o.objectionBases ?? ['61F']);
    return [...newest.values()].map((r) => {
      const key = r.LegalBaseKey ?? '';
      const basis = consent.has(key) ? 'consent' : key === 'WITHDRAWN' ? 'withdrawn' : objectable.has(key) ? 'legitimate-interest' : 'other';
      const at = time(r.Updated) || time(r.Registered);
      const record: DecisionRecord = {
        basis,
        ...(r.LegalBaseName ? { basisName: r.LegalBaseName } : {}),
        ...(r.ConsentSourceName ? { source: r.ConsentSourceName } : {}),
        ...(at ? { at } : {}),
      };
      return { itemId: r.ConsentPurposeKey, granted: basis === 'consent', record };
    });
  }

  /** One PUT (grant) or DELETE (withdraw) per decision; both answer 204 with no body. */
  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    const person = personId(q);
    const receipts: Receipt[] = [];
    for (const d of q.decisions) {
      const path = `Person/${person}/Consent/${encodeURIComponent(d.itemId)}`;
      const headers = this.#headers();
      try {
        if (d.granted) {
          const searchParams = { source: this.#o.source ?? 'WEBFORM', legalBase: this.#o.legalBase ?? '61A', comment: q.source };
          await this.#http.put(path, noBody, { headers, searchParams, signal });
        } else {
          await this.#http.delete(path, noBody, { headers, signal });
        }
      } catch (e) {
        if (e instanceof ConsentError) e.receipts = receipts;
        throw e;
      }
      receipts.push({ itemId: d.itemId, granted: d.granted });
    }
    return receipts;
  }
}

/** A row's date-time as epoch ms; none (or unreadable) is 0: such a row counts as oldest. */
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0);

/** 204 No Content (some servers send a literal `null`). */
const noBody = z.optional(z.null());

function personId(q: { subject?: { id: string } }): number {
  const id = Number(q.subject?.id);
  if (!Number.isInteger(id) || id <= 0) throw new ConsentError('config', 'SuperOffice needs the person id as the subject.');
  return id;
}
