import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { json, readBody, readJson, type Ctx, type SimCore } from './core.js';
import type { SimCspConsent } from './store.js';
import { CSP_EMPTY_ORG, CSP_EXAMPLE_ORG, CSP_ORG, CSP_ORGS, cspSeed as seed } from '../../fixtures/csp.js';
import { cspConsentsExample } from '../../fixtures/seed-examples.js';

/**
 * VMware Cloud Services Platform organization consents: the API-token exchange, list,
 * approve/reject and revoke, with CspErrorResponse bodies on every error. Paths as CSP's,
 * from the server root (`/csp/gateway/am/api/…`).
 *
 * From the reference pages: paths, ConsentDto, CspErrorResponse and its statuses; the example
 * org's list is the reference's 200 example, verbatim. Inferred: REJECTED consents kept in the
 * list, 404 for an org without consents, 404 `org.not.found` for an org CSP does not know, the
 * 409 reasons.
 */
export interface CspSimOptions {
  /** API token of an Organization Owner (may manage consents). */
  cspApiToken: string;
  /** API token of a service account: the exchange works, consent calls answer 403. */
  cspServiceToken?: string;
}

export { CSP_EMPTY_ORG, CSP_ORG };

const moduleCode = 520;

export class CspSim {
  readonly #core: SimCore;
  readonly #opts: CspSimOptions;
  readonly #tokens = new Map<string, { role: 'admin' | 'service'; expires: number }>();

  constructor(core: SimCore, opts: CspSimOptions) {
    this.#core = core;
    this.#opts = opts;
    core.faultStyle({ prefix: '/csp', malformed: '[{"consentId": "7c0d2f3e", "status": ', error: (status, message) => this.#error(status, message) });
    this.#routes();
  }

  get consents(): SimCspConsent[] {
    const state = this.#core.store.state;
    state.csp ??= { consents: seed() };
    return state.csp.consents;
  }

  #error(statusCode: number, message: string) {
    const codes: Record<number, string> = { 400: 'invalid.request', 401: 'not.authorized', 403: 'forbidden', 404: 'consent.not.found', 409: 'consent.conflict', 429: 'too.many.requests' };
    return { cspErrorCode: codes[statusCode] ?? 'internal.error', errorCode: String(statusCode), message, moduleCode, requestId: randomBytes(8).toString('hex'), statusCode };
  }

  #fail(ctx: Ctx, status: number, message: string) {
    json(ctx, status, this.#error(status, message));
  }

  #routes() {
    const base = '/csp/gateway/am/api';
    this.#core.route('POST', `${base}/auth/api-tokens/authorize`, (ctx) => this.#authorize(ctx));
    const guarded = (h: (ctx: Ctx, p: string[]) => unknown) => async (ctx: Ctx, p: string[]) => {
      if (this.#admin(ctx)) await h(ctx, p);
    };
    this.#core.route('GET', `${base}/orgs/:orgId/consents`, guarded((ctx, [org]) => this.#list(ctx, org!)));
    this.#core.route('POST', `${base}/orgs/:orgId/consents/:consentId`, guarded((ctx, [org, id]) => this.#decide(ctx, org!, id!)));
    this.#core.route('DELETE', `${base}/orgs/:orgId/consents/:consentId`, guarded((ctx, [org, id]) => this.#revoke(ctx, org!, id!)));
    // What a host backend holds after its token exchange (tests have no API token).
    this.#core.route('POST', '/__sim/csp/token', async (ctx) => {
      const role = (await readJson(ctx.req)) as { role?: string } | undefined;
      json(ctx, 200, { access_token: this.#issue(role?.role === 'service' ? 'service' : 'admin') });
    });
    this.#core.route('POST', '/__sim/csp/consents', async (ctx) => {
      const body = z.object({ sourceUserId: z.string(), status: z.enum(['ACTIVE', 'REQUESTED', 'REJECTED']).default('REQUESTED') }).safeParse(await readJson(ctx.req));
      if (!body.success) return this.#fail(ctx, 400, 'sourceUserId is required');
      const consent: SimCspConsent = { consentId: randomUUID(), orgId: CSP_ORG, orgOwnerEmail: 'owner@customer.example', ...body.data };
      this.consents.push(consent);
      this.#core.store.flush();
      json(ctx, 200, dto(consent));
    });
  }

  #issue(role: 'admin' | 'service'): string {
    const token = `csp.${randomBytes(24).toString('base64url')}`;
    this.#tokens.set(token, { role, expires: Date.now() + 30 * 60_000 });
    return token;
  }

  async #authorize(ctx: Ctx) {
    const form = new URLSearchParams(await readBody(ctx.req));
    const apiToken = form.get('api_token') ?? '';
    const role = same(apiToken, this.#opts.cspApiToken) ? 'admin' : this.#opts.cspServiceToken && same(apiToken, this.#opts.cspServiceToken) ? 'service' : undefined;
    if (!role) return this.#fail(ctx, 400, 'Invalid or expired API token');
    json(ctx, 200, { access_token: this.#issue(role), token_type: 'bearer', expires_in: 1799, refresh_token: '', id_token: '', scope: '' });
  }

  /** Organization Owner or Admin user only; service accounts are refused. */
  #admin(ctx: Ctx): boolean {
    const header = String(ctx.req.headers['csp-auth-token'] ?? '') || (/^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1] ?? '');
    const t = this.#tokens.get(header);
    if (!t || t.expires < Date.now()) {
      this.#fail(ctx, 401, 'The access token is missing, invalid or expired');
      return false;
    }
    if (t.role !== 'admin') {
      this.#fail(ctx, 403, 'Only an Organization Owner or Admin user may manage consents');
      return false;
    }
    return true;
  }

  #list(ctx: Ctx, orgId: string) {
    if (!CSP_ORGS.includes(orgId)) return json(ctx, 404, { ...this.#error(404, 'Organization is not present.'), cspErrorCode: 'org.not.found' });
    const list = [...(orgId === CSP_EXAMPLE_ORG ? cspConsentsExample : []), ...this.consents.filter((c) => c.orgId === orgId).map(dto)];
    // CSP documents 404 on the list operation: an org without consents answers it.
    if (list.length === 0) return this.#fail(ctx, 404, 'Consent is not present.');
    json(ctx, 200, list);
  }

  async #decide(ctx: Ctx, orgId: string, consentId: string) {
    const action = ctx.url.searchParams.get('action');
    const raw = await readJson(ctx.req);
    this.#core.received(ctx, { action, body: raw });
    if (action !== 'APPROVE' && action !== 'REJECT') return this.#fail(ctx, 400, 'action must be APPROVE or REJECT');
    const body = z.object({ expiry: z.union([z.string(), z.number()]).optional() }).safeParse(raw);
    if (!body.success) return this.#fail(ctx, 400, 'A ConsentApproval body is required');
    const consent = this.consents.find((c) => c.orgId === orgId && c.consentId === consentId);
    if (!consent) return this.#fail(ctx, 404, 'Consent is not present.');
    if (consent.status !== 'REQUESTED') return this.#fail(ctx, 409, `Consent is ${consent.status}, not REQUESTED`);
    const expiry = body.data.expiry;
    consent.status = action === 'APPROVE' ? 'ACTIVE' : 'REJECTED';
    if (expiry !== undefined) consent.expiry = typeof expiry === 'number' ? new Date(expiry * 1000).toISOString() : expiry;
    this.#core.store.flush();
    json(ctx, 200, dto(consent));
  }

  #revoke(ctx: Ctx, orgId: string, consentId: string) {
    const i = this.consents.findIndex((c) => c.orgId === orgId && c.consentId === consentId && c.status === 'ACTIVE');
    if (i < 0) return this.#fail(ctx, 404, 'Consent is not present.');
    this.consents.splice(i, 1);
    this.#core.store.flush();
    ctx.res.writeHead(200).end();
  }
}

function dto(c: SimCspConsent) {
  return { consentId: c.consentId, source: { userId: c.sourceUserId }, status: c.status, target: { orgId: c.orgId, orgOwnerEmail: c.orgOwnerEmail } };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
