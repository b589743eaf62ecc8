import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { json, readBody, readJson, type Ctx, type Handler, type SimCore } from './core.js';
import { consents, consentTexts, customers, groups, issuers, type SimConsent, type SimCustomer } from '../../fixtures/connect.js';
import type { SimEvent } from './store.js';

/**
 * Connect (Mediaconnect / Unite): the Privacy → Consent paths under /capi/v1 in client and user
 * mode, and ConnectID's OAuth2 client-credentials token endpoint, with Connect's rate limits.
 *
 * From the reference pages: client-mode paths, bodies, field names and optional fields, check
 * access. Inferred (not in them): user-mode paths, the JSON error body, Retry-After values.
 */
export interface ConnectSimOptions {
  /** client_id → client_secret accepted by the token endpoint. */
  clients: Record<string, string>;
  /** Requests per second and per minute per token before 429. Connect: 100 and 2000. */
  rateLimit?: { perSecond: number; perMinute: number };
}

type Principal = { kind: 'client'; clientId: string } | { kind: 'user'; subject: string; subjectType: string };

const TOKEN_TTL_S = 12 * 60 * 60;
const subjectTypes = ['CONNECT', 'CONNECTID', 'EXTERNAL', 'ORDER'] as const;

const eventBody = z
  .object({
    consentId: z.int().optional(),
    consentTarget: z.string().max(255).optional(),
    consentScope: z.string().max(255).optional(),
    subject: z.string().min(1).max(255).optional(),
    subjectType: z.enum(subjectTypes).optional(),
    source: z.string().max(255).optional(),
    action: z.boolean(),
    eventTime: z.int().optional(),
    data: z.base64().optional(),
  })
  .refine((b) => b.consentId !== undefined || (b.consentTarget && b.consentScope), {
    message: 'consentId, or consentTarget and consentScope, is required',
  });

const accessBody = z.object({
  product: z.string().optional(),
  articleId: z.string().optional(),
  domain: z.string().optional(),
  ip: z.string().optional(),
  categoryType: z.string().optional(),
  accessAzureAd: z.boolean().optional(),
  accessAidFamily: z.boolean().optional(),
  accessDomain: z.boolean().optional(),
  accessArticle: z.boolean().optional(),
  uniqueId: z.string().optional(),
  customerNumber: z.int().optional(),
  credential: z.string().max(60).optional(),
});

const connectError = (status: number, message: string) => ({
  errorCode: { 400: 'INVALID_REQUEST', 401: 'UNAUTHORIZED', 404: 'NOT_FOUND', 429: 'TOO_MANY_REQUESTS' }[status] ?? 'SERVER_ERROR',
  errorMessage: message,
});

export class ConnectSim {
  readonly #core: SimCore;
  readonly #opts: ConnectSimOptions;
  readonly #tokens = new Map<string, Principal & { expires: number }>();
  readonly #hits = new Map<string, number[]>();

  constructor(core: SimCore, opts: ConnectSimOptions) {
    this.#core = core;
    this.#opts = opts;
    core.faultStyle({ prefix: '/capi', malformed: '{"issuer": "468979834", "groups": [{"consentGroupId": ', error: connectError });
    core.onReset(() => this.#hits.clear());
    this.#routes();
  }

  get events(): SimEvent[] {
    return this.#core.store.state.connect.events;
  }

  /** Makes a user-mode token for a subject, as ConnectID would after a login. */
  userToken(subject: string, subjectType = 'CONNECTID'): string {
    return this.#issue({ kind: 'user', subject, subjectType });
  }

  #issue(p: Principal): string {
    const token = randomBytes(24).toString('base64url');
    this.#tokens.set(token, { ...p, expires: Date.now() + TOKEN_TTL_S * 1000 });
    return token;
  }

  #routes() {
    const core = this.#core;
    core.route('POST', '/user/oauth/token', (ctx) => this.#token(ctx));
    for (const mode of ['client', 'user'] as const) {
      const base = mode === 'client' ? '/capi/v1/client/customer/privacy' : '/capi/v1/customer/privacy';
      const guard = (h: Handler): Handler => (ctx, p) => (this.#authorize(ctx, mode) ? h(ctx, p) : undefined);
      core.route('GET', `${base}/consentGroups/:issuer`, guard((ctx, [issuer]) => this.#groups(ctx, issuer!)));
      core.route('GET', `${base}/consents/:issuer`, guard((ctx, [issuer]) => this.#consents(ctx, issuer!)));
      core.route('POST', `${base}/consentEvent`, guard((ctx) => this.#register(ctx, mode)));
      // The history path is the public page's; the user-mode one is inferred from the naming.
      core.route('GET', `${base}/consent/text/history/:issuer`, guard((ctx, [issuer]) => this.#textHistory(ctx, issuer!)));
      if (mode === 'client') {
        core.route('GET', `${base}/consentEvent/history/:issuer/:subjectType/:subject`, guard((ctx, [issuer, type, subject]) =>
          this.#history(ctx, issuer!, type!, subject!)));
      } else {
        core.route('GET', `${base}/consentEvent/history/:issuer`, guard((ctx, [issuer]) => {
          const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
          return this.#history(ctx, issuer!, p.subjectType, p.subject);
        }));
      }
    }
    // Access private data (the public page's path) and Remove private data (path inferred): user mode.
    for (const [right, path] of [['access', 'access'], ['erasure', 'remove']] as const)
      core.route('POST', `/capi/v1/customer/privacy/${path}`, (ctx) => (this.#authorize(ctx, 'user') ? this.#privacy(ctx, right) : undefined));
    core.route('GET', '/__sim/privacy-requests', (ctx) => json(ctx, 200, { requests: this.privacyRequests }));
    core.route('POST', '/capi/v1/client/customer/access', (ctx) => (this.#authorize(ctx, 'client') ? this.#access(ctx, 'client') : undefined));
    core.route('POST', '/capi/v1/customer/access', (ctx) => (this.#authorize(ctx, 'user') ? this.#access(ctx, 'user') : undefined));
    core.route('GET', '/__sim/issuers', (ctx) => json(ctx, 200, issuers));
    core.route('GET', '/__sim/events', (ctx) => json(ctx, 200, { events: this.events }));
    core.route('POST', '/__sim/user-token', async (ctx) => {
      const body = z.object({ subject: z.string().min(1) }).safeParse(await readJson(ctx.req));
      if (!body.success) return json(ctx, 400, connectError(400, 'subject is required'));
      json(ctx, 200, { access_token: this.userToken(body.data.subject), token_type: 'bearer', expires_in: TOKEN_TTL_S });
    });
  }

  #authorize(ctx: Ctx, mode: 'client' | 'user'): boolean {
    const m = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
    const p = m ? this.#tokens.get(m[1]!) : undefined;
    if (!p || p.expires < Date.now()) {
      ctx.res.setHeader('www-authenticate', 'Bearer realm="connect"');
      json(ctx, 401, connectError(401, p ? 'Token expired' : 'A valid bearer token is required'));
      return false;
    }
    if (p.kind !== mode) {
      json(ctx, 403, { errorCode: 'FORBIDDEN', errorMessage: `This endpoint needs a ${mode} token` });
      return false;
    }
    if (!this.#allow(ctx, m![1]!)) return false;
    ctx.principal = p;
    return true;
  }

  /** Connect's limits: N per second and M per minute; over either → 429 with Retry-After. */
  #allow(ctx: Ctx, key: string): boolean {
    const { perSecond, perMinute } = this.#opts.rateLimit ?? { perSecond: 100, perMinute: 2000 };
    const now = Date.now();
    const hits = (this.#hits.get(key) ?? []).filter((t) => now - t < 60_000);
    const lastSecond = hits.filter((t) => now - t < 1000);
    if (lastSecond.length >= perSecond || hits.length >= perMinute) {
      const oldest = lastSecond.length >= perSecond ? lastSecond[0]! + 1000 : hits[0]! + 60_000;
      ctx.res.setHeader('retry-after', String(Math.max(1, Math.ceil((oldest - now) / 1000))));
      json(ctx, 429, connectError(429, 'Rate limit exceeded'));
      this.#hits.set(key, hits);
      return false;
    }
    hits.push(now);
    this.#hits.set(key, hits);
    return true;
  }

  async #token(ctx: Ctx) {
    const raw = await readBody(ctx.req);
    const asJson = (ctx.req.headers['content-type'] ?? '').includes('json');
    const form = new URLSearchParams(asJson ? Object.entries(safeJson(raw) ?? {}) : raw);
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
    if (basic) [id = '', secret = ''] = Buffer.from(basic[1]!, 'base64').toString().split(':');
    if (form.get('grant_type') !== 'client_credentials')
      return json(ctx, 400, { error: 'unsupported_grant_type', error_description: 'Only client_credentials is simulated' });
    const expected = this.#opts.clients[id];
    if (expected === undefined || !safeEqual(expected, secret))
      return json(ctx, 401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret' });
    const token = this.#issue({ kind: 'client', clientId: id });
    json(ctx, 200, { access_token: token, token_type: 'bearer', expires_in: TOKEN_TTL_S, scope: 'read' });
  }

  #groups(ctx: Ctx, issuer: string) {
    const onlyActive = ctx.query.get('onlyactive') !== 'false';
    json(ctx, 200, {
      issuer,
      groups: groups.filter((g) => g.issuer === issuer && (!onlyActive || g.active)).map(({ issuer: _i, ...g }) => g),
    });
  }

  #consents(ctx: Ctx, issuer: string) {
    const onlyActive = ctx.query.get('onlyactive') !== 'false';
    const groupId = ctx.query.get('consentgroupid');
    const activeGroups = new Set(groups.filter((g) => g.active).map((g) => g.consentGroupId));
    json(ctx, 200, {
      issuer,
      consents: consents
        .filter((c) => c.issuer === issuer && (groupId === undefined || String(c.consentGroupId) === groupId))
        .filter((c) => !onlyActive || (c.active && activeGroups.has(c.consentGroupId)))
        .map(({ issuer: _i, ...c }) => c),
    });
  }

  /** List consent text history, filtered as the reference's query parameters say. */
  #textHistory(ctx: Ctx, issuer: string) {
    const consentId = ctx.query.get('consentid');
    const groupId = ctx.query.get('consentgroupid');
    const target = ctx.query.get('target');
    const scope = ctx.query.get('scope');
    json(ctx, 200, {
      issuer,
      consents: consentTexts
        .filter((t) => t.issuer === issuer)
        .map((t) => ({ ...consents.find((c) => c.issuer === issuer && c.consentId === t.consentId)!, texts: t.texts }))
        .filter((c) => (consentId === undefined || String(c.consentId) === consentId) && (groupId === undefined || String(c.consentGroupId) === groupId))
        .filter((c) => (target === undefined || c.target === target) && (scope === undefined || c.scope === scope))
        .map((c) => ({ consentId: c.consentId, consentGroupId: c.consentGroupId, target: c.target, scope: c.scope, texts: c.texts })),
    });
  }

  #history(ctx: Ctx, issuer: string, subjectType: string, subject: string) {
    if (!(subjectTypes as readonly string[]).includes(subjectType))
      return json(ctx, 400, connectError(400, `Unknown subjectType ${subjectType}`));
    const onlyActive = ctx.query.get('onlyactive') !== 'false';
    const own = consents.filter((c) => c.issuer === issuer && (!onlyActive || c.active));
    json(ctx, 200, {
      issuer,
      subject,
      subjectType,
      consents: own
        .map((c) => ({
          consentId: c.consentId,
          target: c.target,
          scope: c.scope,
          events: this.events
            .filter((e) => e.consentId === c.consentId && e.subject === subject && e.subjectType === subjectType)
            .map(({ consentEventId, created, source, action }) => ({ consentEventId, created, source, action })),
        }))
        .filter((c) => c.events.length > 0),
    });
  }

  /**
   * Check access: every field sent must match; any check but IP needs uniqueId or credential.
   * In user mode the token's customer must be the one named.
   */
  async #access(ctx: Ctx, mode: 'client' | 'user') {
    const raw = await readJson(ctx.req);
    this.#core.received(ctx, raw);
    const parsed = accessBody.safeParse(raw);
    if (!parsed.success) return json(ctx, 400, connectError(400, z.prettifyError(parsed.error)));
    const b = parsed.data;
    const nonIp = b.product || b.articleId || b.domain || b.categoryType || b.accessAzureAd || b.accessAidFamily || b.accessDomain || b.accessArticle;
    if (nonIp && !b.uniqueId && !b.credential)
      return json(ctx, 400, connectError(400, 'uniqueId or credential is required with this check'));
    let who: SimCustomer | undefined = customers.find(
      (c) => (!b.uniqueId || c.uniqueId === b.uniqueId) && (!b.credential || c.credentials.includes(b.credential)) &&
        (b.customerNumber === undefined || c.customerNumber === b.customerNumber),
    );
    if (mode === 'user' && who && who.connectId !== (ctx.principal as { subject: string }).subject) who = undefined;
    const accesses: { access: boolean; accessLevel: string; accessType: string; accessTypeDetail?: unknown }[] = [];
    const check = (asked: unknown, level: string, ok: boolean, type: string) => asked !== undefined && accesses.push({ access: ok, accessLevel: level, accessType: type });
    // The reference's levels and types; how each flag is answered is ours (inferred): see README.
    if (b.product !== undefined && !b.accessAidFamily) {
      const own = !!who?.products.includes(b.product);
      const shared = !!who?.sharedProducts.includes(b.product);
      check(b.product, shared && !own ? 'I' : 'A', own || shared, shared && !own ? 'B' : 'A');
    }
    // The reader's or their aID family's access to the product.
    if (b.accessAidFamily) check(true, 'H', !!b.product && !!(who?.products.includes(b.product) || who?.familyProducts?.includes(b.product)), 'B');
    if (b.articleId !== undefined) check(b.articleId, 'B', !!who?.articles.includes(b.articleId), 'C');
    // Without an article id: the whole list of articles the reader has, as the detail.
    else if (b.accessArticle) accesses.push({ access: !!who?.articles.length, accessLevel: 'B', accessType: 'C', accessTypeDetail: { articleIds: who?.articles ?? [] } });
    check(b.domain, 'C', !!(b.domain && who?.domains.includes(b.domain)), 'D');
    if (b.accessDomain) check(true, 'C', !!who?.domains.length && (!b.categoryType || !!who.categoryTypes.includes(b.categoryType)), 'D');
    check(b.categoryType, 'E', !!(b.categoryType && who?.categoryTypes.includes(b.categoryType)), 'G');
    if (b.accessAzureAd) check(true, 'G', !!who?.azureAd, 'A');
    // IP: an institution's address; alone it needs no reader.
    if (b.ip !== undefined) check(b.ip, 'D', b.ip === '127.0.0.1' || customers.some((c) => c.ips?.includes(b.ip!)), 'E');
    // customerNumber and credential alone: the identified customer's own subscription.
    if (!accesses.length && b.customerNumber !== undefined && b.credential) check(true, 'A', !!who?.products.length, 'A');
    json(ctx, 200, { access: accesses.length > 0 && accesses.every((a) => a.access), accesses });
  }

  /** The cases opened, for tests (not persisted). */
  readonly privacyRequests: { right: 'access' | 'erasure'; subject: string; sendReceipt: boolean; at: number }[] = [];

  async #privacy(ctx: Ctx, right: 'access' | 'erasure') {
    const raw = await readJson(ctx.req);
    this.#core.received(ctx, raw);
    const parsed = z.object({ sendReceipt: z.boolean() }).safeParse(raw);
    if (!parsed.success) return json(ctx, 400, connectError(400, 'sendReceipt (boolean) is required'));
    const { subject } = ctx.principal as Extract<Principal, { kind: 'user' }>;
    this.privacyRequests.push({ right, subject, sendReceipt: parsed.data.sendReceipt, at: Date.now() });
    // No data in the answer: Connect opens a case and may mail a receipt.
    json(ctx, 200, { success: true, receiptSend: parsed.data.sendReceipt });
  }

  async #register(ctx: Ctx, mode: 'client' | 'user') {
    const raw = await readJson(ctx.req);
    this.#core.received(ctx, raw);
    const parsed = eventBody.safeParse(raw);
    if (!parsed.success) return json(ctx, 400, connectError(400, z.prettifyError(parsed.error)));
    const b = parsed.data;
    const consent = findConsent(b.consentId, b.consentTarget, b.consentScope);
    if (typeof consent === 'string') return json(ctx, 400, { errorCode: 'INVALID_CONSENT', errorMessage: consent });
    let subject: string, subjectType: string;
    if (mode === 'user') {
      ({ subject, subjectType } = ctx.principal as Extract<Principal, { kind: 'user' }>);
    } else {
      if (!b.subject || !b.subjectType) return json(ctx, 400, connectError(400, 'subject and subjectType are required'));
      ({ subject, subjectType } = b);
    }
    const created = Date.now();
    const base = { subject, subjectType, source: b.source ?? '', action: b.action, created, eventTime: b.eventTime };
    const append = (e: Omit<SimEvent, 'consentEventId'>) => {
      const stored = { consentEventId: this.events.length + 1, ...e };
      this.events.push(stored);
      return stored;
    };
    const event = append({ ...base, consentId: consent.consentId, data: b.data });
    // An event on a parent consent is applied to every consent below it.
    const children = descendants(consent).map((c) => append({ ...base, consentId: c.consentId, parentEventId: event.consentEventId }));
    this.#core.store.flush();
    const child = (e: SimEvent) => ({ consentEventId: e.consentEventId, consentId: e.consentId, created: e.created, action: e.action });
    json(ctx, 200, {
      consentId: consent.consentId,
      subject,
      subjectType,
      consentEventId: event.consentEventId,
      created,
      source: base.source,
      action: b.action,
      // The reference shows a single object; several children come as an array.
      ...(children.length === 1 ? { childEvents: child(children[0]!) } : children.length ? { childEvents: children.map(child) } : {}),
    });
  }
}

function findConsent(id?: number, target?: string, scope?: string): SimConsent | string {
  const byId = id === undefined ? undefined : consents.find((c) => c.consentId === id);
  const byPair = target && scope ? consents.filter((c) => c.target === target && c.scope === scope) : [];
  if (id !== undefined && !byId) return `Unknown consentId ${id}`;
  if (target && scope && byPair.length === 0) return `Unknown consent ${target}/${scope}`;
  if (byId && target && scope && !byPair.includes(byId)) return 'consentId does not match consentTarget/consentScope';
  if (!byId && byPair.length > 1) return `consent ${target}/${scope} is ambiguous; send consentId`;
  const consent = byId ?? byPair[0]!;
  if (!consent.active) return `Consent ${consent.consentId} is not active`;
  return consent;
}

function descendants(parent: SimConsent): SimConsent[] {
  const kids = consents.filter((c) => c.parentConsentId === parent.consentId && c.consentId !== parent.consentId && c.active);
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

const safeJson = (raw: string): Record<string, string> | undefined => {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
