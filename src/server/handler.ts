import { ConsentError, toConsentError, type ConsentErrorCode } from '../model/errors.js';
import { asksEntitlement } from '../model/access.js';
import { checkLimits } from '../model/limits.js';
import { pseudonym } from '../model/receipt.js';
import type { AccessQuery, CatalogQuery, ConsentCatalog, ConsentTransport, Subject } from '../model/types.js';
import type { Check } from '../transports/core/check.js';
import { accessBody, catalogParams, privacyBody, saveBody, subject as subjectSchema } from '../transports/host/contract.js';
import { memoryKeyStore, saveOnce, type KeyStore } from './idempotency.js';
import { memoryStore, type SharedStore } from './store.js';
import { b64url, visitorCookies, type VisitorOptions } from './visitor.js';

/** The providers a handler can serve, by the name used in its paths when it serves several. */
export const providerNames = ['connect', 'consentua', 'superoffice', 'csp'] as const;
export type ProviderName = (typeof providerNames)[number];

/** What a request carries besides itself: the address of the client that sent it (adapters fill it in). */
export interface RequestContext {
  clientAddress?: string;
}

/**
 * Who the visitor is, from the host's own session: never from what a browser sends. Each hook
 * gets the request (its cookies and headers) and may be async.
 */
export interface IdentityHooks {
  /**
   * Whose decisions these are at the provider: the signed-in customer's SuperOffice person, or a
   * Connect subject for a signed-in reader. Undefined: the anonymous visitor of the backend's
   * cookie (see `visitor`). SuperOffice is refused without this hook: its subjects are real people.
   * `about.browser` is what the page sent: never trust it for anything but a hint.
   */
  subjectFor?(req: Request, about: { provider: ProviderName; browser?: Subject }): Subject | undefined | Promise<Subject | undefined>;
  /** Who the reader is for entitlement checks (Connect `uniqueId`, `credential`, `customerNumber`). Without it they are refused. */
  identityFor?(req: Request): Identity | undefined | Promise<Identity | undefined>;
  /** The signed-in visitor's own provider session for privacy requests (Connect: user mode with their token). */
  privacyFor?(req: Request, provider: ProviderName): Pick<ConsentTransport, 'requestPrivacy'> | undefined | Promise<Pick<ConsentTransport, 'requestPrivacy'> | undefined>;
  /** Evidence of how the visitor proved who they are, kept with their decisions (Consentua `AuthenticationData`). */
  evidenceFor?(req: Request): unknown;
}

export type Identity = Pick<AccessQuery, 'uniqueId' | 'credential' | 'customerNumber'>;

/** One line per request; never a token, a secret, a subject or a body. */
export interface RequestLog {
  method: string;
  route: string;
  provider?: ProviderName;
  status: number;
  ms: number;
  /** The error code, when the request failed. */
  error?: ConsentErrorCode;
  /** The provider's id of its failed request, for its support. */
  requestId?: string;
}

export interface ConsentHandlerOptions extends Partial<Record<ProviderName, ConsentTransport>> {
  /** Path the contract is mounted at, e.g. `/api/consent`. With one provider its routes are `{base}/catalog`, …; with several, `{base}/{provider}/catalog`, …. */
  base: string;
  /**
   * Other origins allowed to call (exact `scheme://host:port`); writes need an allowed origin.
   * Pages of the backend's own origin need not be listed in browsers that send `Sec-Fetch-Site`
   * (all current ones; list it too for Safari before 16.4).
   */
  allowedOrigins: readonly string[];
  identity?: IdentityHooks;
  /**
   * The anonymous visitor (Connect, Consentua): a random pseudonymous subject the backend issues
   * in a signed `HttpOnly` cookie; a subject the browser names is ignored. Required with those
   * providers: its `secret` signs the cookie. `false`: no anonymous visitors, every subject comes
   * from `identity.subjectFor` (a site where everyone signs in).
   */
  visitor?: VisitorOptions | false;
  /** Connect issuers served; others are refused. Default: any. */
  issuers?: readonly string[];
  /** Catalog cache lifetime, ms. Default 60 000. */
  catalogTtl?: number;
  /** Requests per minute per client. Default 600. */
  rateLimit?: number;
  /**
   * Behind how many proxies the backend runs: the client is then the address that many entries
   * from the right of `X-Forwarded-For`. `true` is one. Default: none (the socket's address).
   */
  trustProxy?: boolean | number;
  /** Largest request body, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Idempotency records of saves (memory by default; a shared store when scaled out). */
  keys?: KeyStore;
  /**
   * Cached catalogs and rate-limit counts (memory by default). Instances behind one load
   * balancer share them through one store, e.g. `unstorageStore(createStorage({ driver: redis(…) }))`.
   */
  store?: SharedStore;
  /** After a provider write with an unknown outcome, how long until its state is trusted, ms. Default 30 000. */
  writeDeadline?: number;
  log?: (entry: RequestLog) => void;
}

/** A fetch-style handler: `Request` in, `Response` out (404 for paths outside its base). */
export interface ConsentHandler {
  (request: Request, context?: RequestContext): Promise<Response>;
  /** Whether a path is this handler's (under its base). */
  handles(pathname: string): boolean;
}

/** A refusal of the handler's own, with the status it answers. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ConsentErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const statusOf: Record<ConsentErrorCode, number> = {
  network: 502,
  timeout: 504,
  http: 502,
  unauthorized: 502, // our credentials, not the visitor's: a gateway problem
  'rate-limited': 429,
  'invalid-response': 502,
  config: 400,
  unsupported: 501,
  internal: 500,
};

/** Subjects of these providers are real people the provider knows: only the host's session may name them. */
const identifiedSubjects: readonly ProviderName[] = ['superoffice'];
/** These keep decisions per visitor; the others (CSP org consents) need no subject. */
const visitorSubjects: readonly ProviderName[] = ['connect', 'consentua'];

/**
 * The host backend contract (see the README) for any runtime with `Request` and `Response`:
 * Node ≥ 20 (with `toNodeHandler`), Deno, Bun, Cloudflare Workers, Next.js route handlers.
 * Provider credentials stay in the transports given; identity comes from `identity` hooks.
 */
export function createConsentHandler(o: ConsentHandlerOptions): ConsentHandler {
  const mounted = providerNames.filter((p) => o[p]);
  if (!mounted.length) throw new ConsentError('config', 'createConsentHandler needs at least one provider transport (connect, consentua, superoffice or csp).');
  const base = o.base.replace(/\/+$/, '');
  const single = mounted.length === 1 ? mounted[0] : undefined;
  // Loads under way in this process, shared by identical requests; finished catalogs live in the store.
  const loading = new Map<string, Promise<ConsentCatalog>>();
  const store = o.store ?? memoryStore();
  const keys = o.keys ?? memoryKeyStore();
  const limit = o.maxBodyBytes ?? 64 * 1024;
  const perMinute = o.rateLimit ?? 600;
  if (o.visitor === undefined && mounted.some((p) => visitorSubjects.includes(p)))
    throw new ConsentError(
      'config',
      'createConsentHandler needs visitor: { secret } to sign the anonymous visitor\'s cookie (32+ random characters from an environment variable such as VISITOR_SECRET, the same on every instance), or visitor: false when identity.subjectFor names every visitor.',
    );
  const visitors = o.visitor ? visitorCookies(o.visitor) : undefined;

  const catalogFor = async (provider: ProviderName, t: ConsentTransport, q: CatalogQuery): Promise<ConsentCatalog> => {
    const key = `catalog:${JSON.stringify([provider, q.issuer, q.clientId, q.serviceId, q.templateId, q.lang])}`;
    const ttl = o.catalogTtl ?? 60_000;
    const kept = ttl > 0 ? ((await store.get(key)) as ConsentCatalog | undefined) : undefined;
    if (kept) return kept;
    let catalog = loading.get(key);
    if (!catalog) {
      catalog = t.loadCatalog({ ...q, onlyActive: true }).then(checkLimits);
      loading.set(key, catalog);
      // A failure is never kept.
      void catalog.then((c) => (ttl > 0 ? store.set(key, c, ttl) : undefined)).catch(() => undefined).finally(() => loading.delete(key));
    }
    return catalog;
  };

  const clientOf = (req: Request, ctx: RequestContext): string => {
    const hops = o.trustProxy === true ? 1 : typeof o.trustProxy === 'number' ? o.trustProxy : 0;
    const forwarded = (req.headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return (hops && forwarded.length >= hops ? forwarded[forwarded.length - hops] : undefined) ?? ctx.clientAddress ?? '';
  };

  /** The client's requests of the last minute (kept a minute in the store: quiet clients are forgotten). */
  const limited = async (client: string): Promise<boolean> => {
    const key = `rate:${client}`;
    const now = Date.now();
    const recent = (((await store.get(key)) as number[] | undefined) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    await store.set(key, recent.slice(-(perMinute + 1)), 60_000);
    return recent.length > perMinute;
  };

  /** What one request learned of its visitor: a `Set-Cookie` to send back. */
  interface Visit {
    /** The visitor id of the request's cookie. */
    id?: string;
    cookie?: string;
  }

  /**
   * Whose decisions a request is about: the host's session (`subjectFor`), else the visitor of the
   * signed cookie; undefined for a visitor without one yet. A subject the browser names is ignored.
   */
  const subjectOf = async (req: Request, provider: ProviderName, sent: unknown, visit: Visit): Promise<Subject | undefined> => {
    const parsed = sent === undefined ? undefined : subjectSchema.safeParse(sent);
    const browser = parsed?.success ? parsed.data : undefined;
    const own = await o.identity?.subjectFor?.(req, { provider, ...(browser ? { browser } : {}) });
    if (own) return own;
    if (identifiedSubjects.includes(provider) || (!visitors && visitorSubjects.includes(provider)))
      throw new Refusal(401, 'unauthorized', `Sign in first: ${provider} needs identity.subjectFor to know who the visitor is.`);
    visit.id = visitorSubjects.includes(provider) ? await visitors!.read(req) : undefined;
    return visit.id ? { id: visit.id, type: 'EXTERNAL' } : undefined;
  };

  const secureOf = (req: Request) => {
    const proto = o.trustProxy ? req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    return (proto ?? new URL(req.url).protocol.replace(/:$/, '')) === 'https';
  };

  /**
   * A new anonymous visitor, at their first decision, sent back in the signed cookie. Their id
   * comes from the page's visitor claim (`Consent-Visitor-Claim`, see the host transport): every
   * save a browser sends before the cookie reaches it carries the same claim, so saves of two tabs
   * at once, or one sent after a first answer (and its cookie) was lost, stay one visitor's. A
   * claim is taken for a day from the time it names. Without one, the id comes from the save's
   * idempotency key, so a repeated save is still its first attempt's visitor.
   */
  const newVisitor = async (req: Request, visit: Visit, key?: string): Promise<Subject> => {
    const claim = /^(\d{13})\.[0-9a-f-]{36}$/.exec(req.headers.get('consent-visitor-claim') ?? '');
    const age = claim ? Date.now() - Number(claim[1]) : NaN;
    const seed = age > -600_000 && age < 86_400_000 ? claim![0] : key;
    const id = seed ? await visitors!.idFor(seed) : crypto.randomUUID();
    visit.cookie = await visitors!.issue(id, secureOf(req));
    return { id, type: 'EXTERNAL' };
  };

  const route = async (req: Request, client: string, provider: ProviderName, path: string, visit: Visit): Promise<Response> => {
    const t = o[provider]!;
    const url = new URL(req.url);
    const params = parse(catalogParams, Object.fromEntries([...url.searchParams].filter(([k]) => k in catalogParams.fields)), 'query');
    const checkIssuer = (issuer: string | undefined) => {
      if (o.issuers?.length && !o.issuers.includes(issuer ?? '')) throw new Refusal(400, 'config', `Unknown issuer "${issuer ?? ''}".`);
    };
    switch (`${req.method} ${path}`) {
      case 'GET /catalog': {
        checkIssuer(params.issuer);
        const body = JSON.stringify(await catalogFor(provider, t, params));
        // The provider's texts, nothing of the visitor's: the browser (any tab) reuses them for
        // the cache's lifetime, then asks whether they changed and gets a 304 when not.
        const etag = `"${await digest(body)}"`;
        const headers = { etag, 'cache-control': `private, max-age=${Math.floor((o.catalogTtl ?? 60_000) / 1000)}` };
        if (req.headers.get('if-none-match')?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
      }
      case 'GET /state': {
        checkIssuer(params.issuer);
        const sent = url.searchParams.get('subject') ? { id: url.searchParams.get('subject'), type: url.searchParams.get('subjectType') ?? 'EXTERNAL' } : undefined;
        const subject = await subjectOf(req, provider, sent, visit);
        if (!t.loadState) throw new ConsentError('unsupported', 'This provider cannot read stored decisions.');
        // A visitor without a cookie has decided nothing: no provider call, and no id until their first decision.
        if (!subject && visitorSubjects.includes(provider)) return json(200, { decisions: [] });
        return json(200, { decisions: await t.loadState({ ...params, ...(subject ? { subject } : {}) }) });
      }
      case 'POST /decisions': {
        const body = parse(saveBody, await readBody(req, limit), 'body');
        checkIssuer(body.issuer);
        if (!t.saveDecisions) throw new ConsentError('unsupported', 'This provider cannot save decisions.');
        const sentKey = req.headers.get('idempotency-key');
        const key = sentKey && /^[\w-]{8,100}$/.test(sentKey) ? sentKey : undefined;
        const subject = (await subjectOf(req, provider, body.subject, visit)) ?? (visitorSubjects.includes(provider) ? await newVisitor(req, visit, key) : undefined);
        // Each decision renews the cookie: a visitor is remembered for maxAgeDays after their last one.
        if (visit.id) visit.cookie = await visitors!.issue(visit.id, secureOf(req));
        const { issuer, clientId, serviceId, templateId, lang } = body;
        const catalog = await catalogFor(provider, t, { issuer, clientId, serviceId, templateId, lang });
        const evidence = await o.identity?.evidenceFor?.(req);
        // One decision per item, the last sent (in its place): a body repeating an item cannot make the provider write it many times.
        const last = new Map<string, (typeof body.decisions)[number]>();
        for (const d of body.decisions) last.delete(d.itemId), last.set(d.itemId, d);
        const { subject: _sent, ...fields } = body;
        const request = { ...fields, decisions: [...last.values()], ...(subject ? { subject } : {}), catalog, ...(evidence == null ? {} : { evidence }) };
        // With a key, a repeat (a retry after a lost answer) is answered from what was stored.
        const receipts = key
          ? await saveOnce({ ...request, idempotencyKey: key }, { store: keys, transport: t, writeDeadline: o.writeDeadline ?? 30_000 })
          : await t.saveDecisions(request);
        // Receipts name the visitor the backend chose (the page cannot know it: the cookie is HttpOnly).
        const principal = subject && (await pseudonym(subject));
        return json(200, { receipts: principal ? receipts.map((r) => ({ ...r, principal })) : receipts });
      }
      case 'POST /access': {
        const { subject: sent, ipAccess, ...question } = parse(accessBody, await readBody(req, limit), 'body');
        if (!t.checkAccess) throw new ConsentError('unsupported', 'This provider cannot check access.');
        // IP access is the client's address as this backend sees it, never one a browser names.
        if (ipAccess) {
          if (!client) throw new Refusal(400, 'config', 'The client address is unknown: pass it in the request context (adapters do).');
          Object.assign(question, { ip: client });
        }
        const entitlement = asksEntitlement(question);
        const identity = entitlement ? await o.identity?.identityFor?.(req) : undefined;
        if (entitlement && !identity) throw new Refusal(401, 'unauthorized', 'Sign in to check access.');
        // A visitor's consent needs whose (a visitor without a cookie yet has given none: a fresh id
        // that is not kept); an org-level one (CSP) needs none.
        const subject = question.consent ? ((await subjectOf(req, provider, sent, visit)) ?? (visitorSubjects.includes(provider) ? { id: crypto.randomUUID(), type: 'EXTERNAL' } : undefined)) : undefined;
        return json(200, await t.checkAccess({ ...question, ...identity, ...(subject ? { subject } : {}) }));
      }
      case 'POST /privacy/access':
      case 'POST /privacy/erasure': {
        const body = parse(privacyBody, await readBody(req, limit), 'body');
        const reader = await o.identity?.privacyFor?.(req, provider);
        if (!reader?.requestPrivacy) throw new Refusal(401, 'unauthorized', 'Sign in to make a privacy request.');
        const right = path.endsWith('/access') ? 'access' : 'erasure';
        return json(200, await reader.requestPrivacy({ right, sendReceipt: body.sendReceipt }));
      }
      default:
        throw new Refusal(404, 'config', `No such consent API route: ${req.method} ${path}`);
    }
  };

  const handles = (pathname: string) => pathname.startsWith(`${base}/`);

  const handler = async (req: Request, ctx: RequestContext = {}): Promise<Response> => {
    const started = Date.now();
    const { pathname } = new URL(req.url);
    const rest = pathname.slice(base.length);
    const [, first = '', ...tail] = rest.split('/');
    const provider = single ?? (mounted.includes(first as ProviderName) ? (first as ProviderName) : undefined);
    const path = single ? rest : `/${tail.join('/')}`;
    const origin = req.headers.get('origin');
    // A page of the backend's own origin is allowed unlisted: its browser says so (Fetch Metadata's
    // Sec-Fetch-Site, which no page can set), and a site forgetting its own origin would otherwise
    // find out only when a visitor's first save is refused.
    const allowed = !!origin && (o.allowedOrigins.includes(origin) || req.headers.get('sec-fetch-site') === 'same-origin');
    // A refused origin may read why, and nothing else (its requests are refused before anything
    // runs): its page gets a `config` error naming the origin at load, not a bare network failure.
    const cors: Record<string, string> = allowed
      ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'origin', 'access-control-expose-headers': 'retry-after' }
      : origin
        ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'origin' }
        : {};
    let res: Response;
    let failure: ConsentError | undefined;
    const visit: Visit = {};
    try {
      if (!handles(pathname)) throw new Refusal(404, 'config', 'Not a consent API path.');
      if (origin && !allowed) throw new Refusal(403, 'config', `This origin (${origin}) may not use this consent API: add it to allowedOrigins.`);
      if (req.method === 'OPTIONS') {
        res = new Response(null, {
          status: 204,
          headers: { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, idempotency-key, consent-visitor-claim', 'access-control-max-age': '600' },
        });
      } else {
        const client = clientOf(req, ctx);
        if (await limited(client)) throw new Refusal(429, 'rate-limited', 'Too many requests.', { 'retry-after': '60' });
        if (!provider) throw new Refusal(404, 'config', `No such provider here: "${first}" (served: ${mounted.join(', ')}).`);
        if (req.method === 'POST') {
          // Writes only from a page of an allowed origin, as JSON: a form on another site cannot post here.
          if (!allowed) throw new Refusal(403, 'config', 'Writes need an Origin header naming an allowed origin.');
          if (!/^application\/json\b/i.test(req.headers.get('content-type') ?? '')) throw new Refusal(415, 'config', 'Send the body as application/json.');
        }
        res = await route(req, client, provider, path, visit);
      }
    } catch (e) {
      const refusal = e instanceof Refusal ? e : undefined;
      const err = refusal ? new ConsentError(refusal.code, refusal.message) : toConsentError(e);
      failure = err;
      // Our own refusal (no provider behind it) is the visitor's: 401. A provider's refusal of our credentials is a gateway problem: 502.
      const status = refusal?.status ?? (err.code === 'unauthorized' && err.cause === undefined ? 401 : statusOf[err.code]);
      const headers = { ...refusal?.headers, ...(err.retryAfter !== undefined ? { 'retry-after': String(err.retryAfter) } : {}) };
      // Only the code and a short message go back: provider details stay on the server.
      res = json(status, { code: err.code, message: refusal ? err.message : publicMessage(err), ...(err.requestId ? { requestId: err.requestId } : {}), ...(err.receipts?.length ? { receipts: err.receipts } : {}) }, headers);
    }
    for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
    // Also with an error: a save that failed part-way stored decisions for this visitor.
    if (visit.cookie) res.headers.append('set-cookie', visit.cookie);
    o.log?.({
      method: req.method,
      route: provider && !single ? `/${provider}${path}` : path,
      ...(provider ? { provider } : {}),
      status: res.status,
      ms: Date.now() - started,
      ...(failure ? { error: failure.code, ...(failure.requestId ? { requestId: failure.requestId } : {}) } : {}),
    });
    return res;
  };
  return Object.assign(handler, { handles });
}

function parse<T>(schema: Check<T>, value: unknown, where: 'query' | 'body'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Refusal(400, 'config', `Invalid ${where}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
}

/** A short content hash (SHA-256, base64url), for ETags. */
async function digest(text: string): Promise<string> {
  return b64url((await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).slice(0, 16));
}

function publicMessage(e: ConsentError): string {
  return e.code === 'config' ? e.message : `The consent provider failed (${e.code}${e.status ? ` ${e.status}` : ''}).`;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** The body as JSON, refused past `limit` bytes (413) without reading the rest. */
async function readBody(req: Request, limit: number): Promise<unknown> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) throw new Refusal(413, 'config', `The body is larger than ${limit} bytes.`);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      void reader!.cancel();
      throw new Refusal(413, 'config', `The body is larger than ${limit} bytes.`);
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Refusal(400, 'config', 'The body is not JSON.');
  }
}
