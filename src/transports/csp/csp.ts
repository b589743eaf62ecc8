import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import type { AccessQuery, AccessResult, CatalogQuery, ConsentCatalog, ConsentTransport, Decision } from '../../model/types.js';
import { endpointHttp, inHeader, type EndpointOptions, type Http, type TokenGetter } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';

// Wire format of the VMware Cloud Services Platform organization consents.
export const cspConsentSchema = z.object({
  // Optional in the reference (as every field there); a consent without an id cannot be decided: left out.
  consentId: z.optional(z.string()),
  source: z.optional(z.nullable(z.object({ userId: z.optional(z.nullable(z.string())) }))),
  status: z.optional(z.nullable(z.string())),
  target: z.optional(z.nullable(z.object({ orgId: z.optional(z.string()), orgOwnerEmail: z.optional(z.nullable(z.string())) }))),
});
export const cspConsentsSchema = z.array(cspConsentSchema);
/** A consent as listed: with its id (one without is left out). */
export type CspConsent = z.infer<typeof cspConsentSchema> & { consentId: string };

export interface CspOptions extends EndpointOptions {
  /** The CSP host, e.g. `https://console.cloud.vmware.com`, or a proxy of it. */
  endpoint: string;
  /** The organization whose consents are read. */
  orgId: string;
  /** The access token from the API-token exchange (server-side: the API token is a secret). */
  getToken: TokenGetter;
  /** Called once when CSP refuses the token, before trying again with a new `getToken()`. */
  refreshToken?: () => void | Promise<void>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ACTIVE → granted, REQUESTED → pending, REJECTED (or gone: revoked, expired) → denied. */
export function cspAccess(consent: CspConsent | undefined): AccessResult {
  switch (consent?.status) {
    case 'ACTIVE':
      return { granted: true, reason: 'consent-active' };
    case 'REQUESTED':
      return { granted: false, pending: true, reason: 'consent-requested' };
    case 'REJECTED':
      return { granted: false, reason: 'consent-rejected' };
    default:
      return { granted: false, reason: 'consent-absent' };
  }
}

/**
 * CSP organization consents (access grants another org asked for), read and decided by an
 * Organization Owner or Admin. Every call belongs on the host backend.
 */
export class CspTransport implements ConsentTransport {
  readonly name = 'csp';
  readonly #http: Http;
  readonly #o: CspOptions;

  constructor(options: CspOptions) {
    this.#o = options;
    this.#http = endpointHttp(options, inHeader('csp-auth-token', options.getToken, { refresh: options.refreshToken, missing: 'No CSP access token.' }), providerErrorBody);
  }

  get #base() {
    return `csp/gateway/am/api/orgs/${encodeURIComponent(this.#o.orgId)}/consents`;
  }

  /**
   * The org's consents. CSP answers 404 "Consent is not present." instead of an empty list; a 404
   * that names anything else (an org it does not know) is the site's configuration to fix.
   */
  async list(signal?: AbortSignal): Promise<CspConsent[]> {
    const org = this.#o.orgId;
    // The reference: "Unique identifier (GUID) of the organization". A name or a typo is caught here, before any request.
    if (!GUID.test(org)) throw new ConsentError('config', `CSP orgId must be the organization's GUID (like 3fa85f64-5717-4562-b3fc-2c963f66afa6), not "${org}".`);
    try {
      const list = await this.#http.get(this.#base, cspConsentsSchema, { signal });
      return list.filter((c): c is CspConsent => !!c.consentId);
    } catch (e) {
      if (!(e instanceof ConsentError) || e.status !== 404) throw e;
      const said = `${e.providerCode ?? ''} ${e.providerDetail?.message ?? ''}`;
      if (!said.trim() || /consent/i.test(said)) return [];
      throw new ConsentError('config', `CSP does not know the organization ${org} (${said.trim()}): check orgId.`, {
        status: 404,
        providerCode: e.providerCode,
        providerDetail: e.providerDetail,
        requestId: e.requestId,
        cause: e,
      });
    }
  }

  /** Consents as items, each "granted" while ACTIVE. */
  async loadCatalog(_q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog> {
    const list = await this.list(signal);
    return {
      source: `csp:${this.#o.orgId}`,
      groups: [
        {
          id: 'consents',
          order: 0,
          active: true,
          texts: [],
          items: list.map((c, i) => ({
            id: c.consentId,
            order: i,
            active: true,
            texts: [{ lang: 'en', title: c.source?.userId ?? c.consentId }],
            ref: { consentId: c.consentId, status: c.status },
          })),
        },
      ],
    };
  }

  async loadState(_q: unknown, signal?: AbortSignal): Promise<Decision[]> {
    return (await this.list(signal)).filter((c) => c.status !== 'REQUESTED').map((c) => ({ itemId: c.consentId, granted: c.status === 'ACTIVE' }));
  }

  async checkAccess(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult> {
    if (!q.consent) throw new ConsentError('unsupported', 'CSP can only check a consent (the `consent` attribute).');
    return cspAccess((await this.list(signal)).find((c) => c.consentId === q.consent));
  }

  /** Approve a REQUESTED consent until `expiry` (ISO date-time). 409 when it is not REQUESTED. */
  approve(consentId: string, expiry?: string, signal?: AbortSignal): Promise<CspConsent> {
    return this.#decide(consentId, 'APPROVE', expiry ? { expiry } : {}, signal);
  }

  reject(consentId: string, signal?: AbortSignal): Promise<CspConsent> {
    return this.#decide(consentId, 'REJECT', {}, signal);
  }

  /** Revoke an ACTIVE consent; it then disappears from the list. */
  async revoke(consentId: string, signal?: AbortSignal): Promise<void> {
    const path = `${this.#base}/${encodeURIComponent(consentId)}`;
    await this.#http.delete(path, z.optional(z.unknown()), { signal });
  }

  async #decide(consentId: string, action: 'APPROVE' | 'REJECT', body: { expiry?: string }, signal?: AbortSignal): Promise<CspConsent> {
    const path = `${this.#base}/${encodeURIComponent(consentId)}`;
    const decided = await this.#http.post(path, body, cspConsentSchema, { searchParams: { action }, signal });
    // The answer may leave the id out (optional in the reference): it is the one decided.
    return { ...decided, consentId: decided.consentId ?? consentId };
  }
}
