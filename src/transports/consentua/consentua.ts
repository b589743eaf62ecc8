import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import { normalizeLang } from '../../model/text.js';
import { sortByOrder } from '../../model/tree.js';
import type {
  CatalogQuery,
  ConsentCatalog,
  ConsentTransport,
  Decision,
  ItemInfo,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../../model/types.js';
import { endpointHttp, inBody, type EndpointOptions, type Http, type TokenGetter } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';

// Wire format of the Consentua Service API v1. PascalCase as the API sends it; fields the kit
// does not use are left out. Strings the API may send as null are accepted as absent.
const text = z.optional(z.nullable(z.string()));

const purposeSchema = z.object({
  Id: z.int(),
  Language: text,
  DataUse: text,
  DataUseText: text,
  DataPurpose: text,
  DataPurposeText: text,
  URI: text,
  TerminationURI: text,
  Category: text,
  ThirdPartyDisclosure: z.optional(z.nullable(z.boolean())),
  ThirdPartyName: text,
  IsSensitive: z.optional(z.nullable(z.boolean())),
  SensitiveCategory: text,
  Position: z.optional(z.nullable(z.number())),
  PurposeGroupId: z.optional(z.nullable(z.int())),
  ConsentTemplateId: z.optional(z.nullable(z.int())),
  Deleted: z.optional(z.nullable(z.boolean())),
});

const groupSchema = z.object({
  Id: z.int(),
  Language: text,
  Description: text,
  Explanation: text,
  ConsentType: text,
  DisplayType: text,
  ConsentTemplateId: z.optional(z.nullable(z.int())),
  Deleted: z.optional(z.nullable(z.boolean())),
  Purposes: z._default(z.nullable(z.array(purposeSchema)), []),
});

const templateSchema = z.object({
  Id: z.int(),
  Name: text,
  Language: text,
  Question: text,
  Explanation: text,
  ConsentType: text,
  DisplayType: text,
  Version: z.optional(z.nullable(z.number())),
  PurposeGroups: z._default(z.nullable(z.array(groupSchema)), []),
});

export const consentuaTemplatesSchema = z.object({
  ClientId: z.optional(z.nullable(z.int())),
  ServiceId: z.optional(z.nullable(z.int())),
  // Optional in the reference: only an explicit false is a refusal.
  Success: z.optional(z.nullable(z.boolean())),
  Message: text,
  Templates: z._default(z.nullable(z.array(templateSchema)), []),
});

export const consentuaUserSchema = z.object({ UserId: z.int(), Identifier: text, ServiceId: z.optional(z.int()) });

const consentEntry = z.object({ ConsentTemplateId: z.int(), PurposeId: z.int(), Consent: z.boolean() });
const consentsResponse = z.object({
  Success: z.optional(z.nullable(z.boolean())),
  Message: text,
  Consent: z.optional(z.nullable(z.object({ Purposes: z._default(z.nullable(z.array(consentEntry)), []) }))),
});
// The reference declares an array; the official client reads a single object. Accept both.
export const consentuaConsentsSchema = z.union([z.array(consentsResponse), consentsResponse]);

export const consentuaResultSchema = z.object({ Success: z.optional(z.nullable(z.boolean())), Message: text });

export interface ConsentuaPurposeEntry {
  ConsentTemplateId: number;
  PurposeId: number;
  Consent: boolean;
}

export interface ConsentuaOptions extends EndpointOptions {
  /** Base URL of the Consentua API (e.g. `https://test.consentua.com/`), or a proxy of it. */
  endpoint: string;
  clientId?: string | number;
  serviceId?: string | number;
  /** The access token from `login/Service`. Obtain it on the server: it needs the service key. */
  getToken: TokenGetter;
  /** Called once when Consentua refuses the token, before trying again with a new `getToken()`. */
  refreshToken?: () => void | Promise<void>;
  /**
   * Evidence of who consented when a save request carries none (`SaveRequest.evidence`, set by
   * the host backend from its session), sent as `AuthenticationData`: a string as it is,
   * anything else as JSON. With evidence, decisions go to `userconsent/SetConsentsEx` instead of
   * `SetConsents`. Server only.
   */
  evidence?: (q: SaveRequest) => unknown;
}

/** A text's own `Language`, else the template's. */
const langOf = (own: string | null | undefined, template: string) => (nonEmpty(own) ? normalizeLang(own!) : template);

const isHttp = (uri: string | null | undefined) => !!uri && /^https?:\/\//i.test(uri.trim());
const nonEmpty = (s: string | null | undefined) => (s && s.trim() ? s : undefined);

/** Builds the provider-neutral catalog from one template (deleted groups and purposes kept, inactive). */
export function consentuaCatalog(t: z.infer<typeof templateSchema>, lang: string): ConsentCatalog {
  const language = normalizeLang(t.Language || lang);
  return {
    source: `consentua:${t.Id}`,
    version: t.Version == null ? undefined : String(t.Version),
    texts: [{ lang: language, title: t.Question ?? t.Name ?? '', ...(nonEmpty(t.Explanation) ? { description: t.Explanation! } : {}) }],
    groups: (t.PurposeGroups ?? []).map((g, gi) => ({
      id: `g${g.Id}`,
      order: gi,
      active: !g.Deleted,
      display: /binary/i.test(g.DisplayType ?? '') ? 'binary' : 'multi',
      // Each group and purpose says its own language: a fallback one is announced in its real language.
      texts: [{ lang: langOf(g.Language, language), title: g.Description ?? '', ...(nonEmpty(g.Explanation) ? { description: g.Explanation! } : {}) }],
      items: sortByOrder(
        (g.Purposes ?? []).map((p) => {
          const info: ItemInfo = {
            ...(nonEmpty(p.DataUseText ?? p.DataUse) ? { dataUse: (p.DataUseText || p.DataUse)! } : {}),
            ...(p.ThirdPartyDisclosure && nonEmpty(p.ThirdPartyName) ? { thirdParty: p.ThirdPartyName! } : {}),
            ...(p.IsSensitive ? { sensitive: nonEmpty(p.SensitiveCategory) ? { category: p.SensitiveCategory! } : {} } : {}),
            ...(isHttp(p.URI) ? { link: p.URI!.trim() } : {}),
            ...(isHttp(p.TerminationURI) ? { withdrawLink: p.TerminationURI!.trim() } : {}),
            ...(nonEmpty(p.Category) ? { category: p.Category! } : {}),
          };
          return {
            id: String(p.Id),
            order: p.Position ?? 0,
            active: !p.Deleted,
            // DataPurpose is the short name ("Newsletter"), DataPurposeText the sentence about it.
            texts: [
              {
                lang: langOf(p.Language, language),
                title: (nonEmpty(p.DataPurpose) ?? nonEmpty(p.DataPurposeText) ?? `#${p.Id}`)!,
                ...(nonEmpty(p.DataPurpose) && nonEmpty(p.DataPurposeText) ? { description: p.DataPurposeText! } : {}),
              },
            ],
            info,
            ref: { PurposeId: p.Id, ConsentTemplateId: p.ConsentTemplateId ?? t.Id, PurposeGroupId: p.PurposeGroupId ?? g.Id },
          };
        }),
      ),
    })),
  };
}

/** An answer with `Success:false`: Consentua said no (a 200 or a 404 body), so sending it again changes nothing. */
const refused = (message: string | null | undefined, what: string) =>
  new ConsentError('http', `Consentua: ${message || what}`, { retryable: false, providerCode: 'Success:false' });

/**
 * Talks to the Consentua Service API with an access token (never the service key). Visitors
 * are Consentua service users: the `subject.id` is the identifier, mapped to Consentua's
 * integer UserId, and the user is created on the first save.
 */
export class ConsentuaTransport implements ConsentTransport {
  readonly name = 'consentua';
  readonly #http: Http;
  readonly #o: ConsentuaOptions;
  readonly #users = new Map<string, number>();

  constructor(options: ConsentuaOptions) {
    this.#o = options;
    // The token travels in the body (`Token`) or, for reads, in the query; never as a bearer header.
    this.#http = endpointHttp(options, inBody('Token', options.getToken, { refresh: options.refreshToken, missing: 'No Consentua access token.' }), providerErrorBody);
  }

  #ids(q: { clientId?: string; serviceId?: string }) {
    const clientId = Number(q.clientId ?? this.#o.clientId);
    const serviceId = Number(q.serviceId ?? this.#o.serviceId);
    if (!Number.isInteger(clientId) || !Number.isInteger(serviceId))
      throw new ConsentError('config', 'Consentua needs a client-id and a service-id.');
    return { clientId, serviceId };
  }

  async loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    const { clientId, serviceId } = this.#ids(q);
    const language = (q.lang ? normalizeLang(q.lang) : 'en').split('-')[0]!;
    const r = await this.#http
      .get('template/Get', consentuaTemplatesSchema, { searchParams: { clientId, serviceId, language }, authAt: { query: 'accessToken' }, signal })
      .catch((e: unknown) => {
        // The reference: 404 is "Templates cannot be found" for these ids.
        if (e instanceof ConsentError && e.status === 404)
          throw new ConsentError('config', `Consentua has no templates for client ${clientId}, service ${serviceId}: check the client-id and service-id attributes.`, { status: 404, cause: e });
        throw e;
      });
    if (r.Success === false) throw refused(r.Message, 'the templates could not be read');
    const templates = r.Templates ?? [];
    const t = q.templateId ? templates.find((x) => String(x.Id) === String(q.templateId)) : templates[0];
    if (!t) throw new ConsentError('config', `Consentua template ${q.templateId ?? ''} is not offered by service ${serviceId}.`);
    return consentuaCatalog(t, language);
  }

  async loadState(q: StateQuery, signal?: AbortSignal): Promise<Decision[]> {
    const { clientId, serviceId } = this.#ids(q);
    const userId = await this.#userId(q.subject?.id, serviceId, false, signal);
    if (userId === undefined) return []; // never seen: nothing answered yet
    const r = await this.#http.post(
      'userconsent/GetConsents',
      { ClientId: clientId, ServiceId: serviceId, UserId: userId },
      consentuaConsentsSchema,
      { signal },
    );
    const first = Array.isArray(r) ? r[0] : r;
    if (first?.Success === false) throw refused(first.Message, 'the consents could not be read');
    return (first?.Consent?.Purposes ?? []).map((p) => ({ itemId: String(p.PurposeId), granted: p.Consent }));
  }

  async saveDecisions(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]> {
    const { clientId, serviceId } = this.#ids(q);
    const userId = (await this.#userId(q.subject?.id, serviceId, true, signal))!;
    const refs = new Map(q.catalog.groups.flatMap((g) => g.items.map((i) => [i.id, i.ref] as const)));
    const Purposes: ConsentuaPurposeEntry[] = q.decisions.map((d) => {
      const ref = refs.get(d.itemId);
      if (!ref) throw new ConsentError('config', `Purpose ${d.itemId} is not in the loaded template.`);
      return { ConsentTemplateId: Number(ref.ConsentTemplateId), PurposeId: Number(ref.PurposeId), Consent: d.granted };
    });
    const consent = { ClientId: clientId, ServiceId: serviceId, UserId: userId, Purposes };
    const evidence = q.evidence ?? (await this.#o.evidence?.(q));
    const AuthenticationData = evidence == null || evidence === '' ? undefined : typeof evidence === 'string' ? evidence : JSON.stringify(evidence);
    const [path, body] = AuthenticationData ? ['userconsent/SetConsentsEx', { AuthenticationData, Consent: consent }] : ['userconsent/SetConsents', { Consent: consent }];
    // SetConsents sets state (not an event log), so sending it again after a failure is harmless.
    const r = await this.#http.post(path, body, consentuaResultSchema, { signal });
    if (r.Success === false) throw refused(r.Message, 'the consents were not saved');
    return q.decisions.map((d) => ({ ...d, ...(q.catalog.version ? { version: q.catalog.version } : {}) }));
  }

  /** Consentua's integer UserId for an identifier; 404 means "no such user yet". */
  async #userId(identifier: string | undefined, serviceId: number, create: boolean, signal?: AbortSignal): Promise<number | undefined> {
    if (!identifier) throw new ConsentError('config', 'Consentua needs a user id (the `subject` attribute or a pseudonymous one).');
    const key = `${serviceId}:${identifier}`;
    const known = this.#users.get(key);
    if (known !== undefined) return known;
    const searchParams = { identifier, serviceId };
    const authAt = { query: 'token' };
    let user: z.infer<typeof consentuaUserSchema> | undefined;
    try {
      user = await this.#http.get('serviceuser/GetServiceUser', consentuaUserSchema, { searchParams, authAt, signal });
    } catch (e) {
      if (!(e instanceof ConsentError && e.status === 404)) throw e;
    }
    if (!user && create) user = await this.#http.post('serviceuser/AddUserToService', undefined, consentuaUserSchema, { searchParams, authAt, signal });
    if (user) this.#users.set(key, user.UserId);
    return user?.UserId;
  }
}
