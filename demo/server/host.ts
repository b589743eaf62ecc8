import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { ConsentError, toConsentError, type ConsentErrorCode } from '../../src/model/errors.js';
import type { AccessQuery, CatalogQuery, ConsentCatalog, ConsentTransport, Subject } from '../../src/model/types.js';
import { accessBody, catalogParams, consentCatalog, privacyBody, saveBody, subject as subjectSchema } from '../../src/transports/host/contract.js';
import { memoryKeyStore, saveOnce, type KeyStore } from '../../src/server/idempotency.js';
import { checkLimits } from '../../src/model/limits.js';

/**
 * The reference host backend: the browser talks to it with the `host` transport, and it talks
 * to the provider with credentials the browser never sees. Contract (DESIGN §4):
 *   GET  {base}/catalog?issuer=|clientId=&serviceId=&templateId=&lang= → ConsentCatalog
 *   GET  {base}/state?…the same…&subject=&subjectType= → { decisions }
 *   POST {base}/decisions               → { receipts }
 *   POST {base}/access                  → AccessResult
 *   POST {base}/privacy/access|erasure  → { accepted, receiptSent } (the signed-in visitor's)
 * Errors: `{ code, message, receipts? }` with a ConsentError code.
 */
export interface HostOptions {
  /** Path the contract is mounted at, e.g. `/api/consent`. */
  base: string;
  /** The provider transport, already holding its server-side credentials. */
  transport: ConsentTransport;
  /** Origins allowed to call (exact `scheme://host:port`). Requests from other origins get 403. */
  allowedOrigins: readonly string[];
  /** Subject types a browser may name itself. Others must come from the host's own session. */
  subjectTypes?: readonly string[];
  /**
   * Who the visitor is at the provider. A real backend derives this from its own session
   * (e.g. the signed-in customer's CRM person id); it must never trust a provider id sent by
   * the browser. Default: the browser's pseudonymous subject as it is.
   */
  subjectFor?: (browserSubject: Subject, req: IncomingMessage) => Subject;
  /**
   * Who the visitor is for entitlement checks (Connect `uniqueId`, `credential`,
   * `customerNumber`), from the host's own login. Without it, entitlement checks are refused.
   */
  identityFor?: (req: IncomingMessage) => Pick<AccessQuery, 'uniqueId' | 'credential' | 'customerNumber'> | undefined;
  /**
   * Evidence of who made a save, from the host's session (how the visitor signed in, …): kept
   * with the decisions where the provider takes it (Consentua `SetConsentsEx`). Never from the browser.
   */
  evidenceFor?: (req: IncomingMessage) => unknown;
  /**
   * The signed-in visitor's own provider session for privacy requests (Connect: a user-mode
   * transport with the reader's token), from the host's login. Without one: 401, sign in first.
   */
  privacyFor?: (req: IncomingMessage) => Pick<ConsentTransport, 'requestPrivacy'> | undefined;
  /** Issuers this backend serves; others get 400. Empty: any. */
  issuers?: readonly string[];
  /** Catalog cache lifetime, ms. */
  catalogTtl?: number;
  /** Requests per minute per client address. */
  rateLimit?: number;
  log?: (line: string) => void;
  /** Idempotency records of saves (memory by default; a shared store when scaled out). */
  keys?: KeyStore;
  /** After a provider write with an unknown outcome, how long until its state is trusted, ms. Default 30 000. */
  writeDeadline?: number;
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

export function createHostHandler(o: HostOptions) {
  const catalogs = new Map<string, { at: number; catalog: Promise<ConsentCatalog> }>();
  const hits = new Map<string, number[]>();
  const ttl = o.catalogTtl ?? 60_000;
  const keys = o.keys ?? memoryKeyStore();

  const catalogFor = (q: CatalogQuery): Promise<ConsentCatalog> => {
    const key = JSON.stringify([q.issuer, q.clientId, q.serviceId, q.templateId, q.lang]);
    const hit = catalogs.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.catalog;
    const catalog = o.transport.loadCatalog({ ...q, onlyActive: true }).then(checkLimits);
    catalogs.set(key, { at: Date.now(), catalog });
    catalog.catch(() => catalogs.delete(key)); // never cache a failure
    return catalog;
  };

  const limited = (req: IncomingMessage): boolean => {
    const key = req.socket.remoteAddress ?? '';
    const now = Date.now();
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    hits.set(key, recent);
    // Forget addresses quiet for a minute, so a long-running backend does not grow forever.
    if (hits.size > 10_000) for (const [k, ts] of hits) if (now - ts[ts.length - 1]! >= 60_000) hits.delete(k);
    return recent.length > (o.rateLimit ?? 600);
  };

  const checkIssuer = (issuer: string | undefined) => {
    if (o.issuers?.length && !o.issuers.includes(issuer ?? '')) throw new ConsentError('config', `Unknown issuer "${issuer ?? ''}".`);
  };

  const checkSubject = (s: Subject | undefined, req: IncomingMessage): Subject => {
    if (!s) throw new ConsentError('config', 'A subject is required.');
    const parsed = subjectSchema.safeParse(s);
    if (!parsed.success) throw new ConsentError('config', 'The subject is not valid.');
    if (!(o.subjectTypes ?? ['EXTERNAL']).includes(s.type)) throw new ConsentError('config', `Subject type ${s.type} is not accepted from browsers.`);
    return o.subjectFor ? o.subjectFor(parsed.data, req) : parsed.data;
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://host');
    if (!url.pathname.startsWith(`${o.base}/`)) return false;
    const route = `${req.method} ${url.pathname.slice(o.base.length)}`;
    const origin = req.headers.origin;
    res.on('finish', () => o.log?.(`${route} → ${res.statusCode}`));
    if (origin && !o.allowedOrigins.includes(origin)) {
      send(res, 403, { code: 'config', message: 'This origin may not use this consent API.' });
      return true;
    }
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'content-type, idempotency-key');
      res.setHeader('access-control-expose-headers', 'retry-after');
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end(), true;
    if (limited(req)) {
      res.setHeader('retry-after', '60');
      send(res, 429, { code: 'rate-limited', message: 'Too many requests.' });
      return true;
    }
    try {
      const q = url.searchParams;
      const params = catalogParams.safeParse(Object.fromEntries([...q].filter(([k]) => k in catalogParams.shape)));
      if (!params.success) throw new ConsentError('config', 'Invalid query parameters.');
      const query = params.data;
      switch (route) {
        case 'GET /catalog': {
          checkIssuer(query.issuer);
          send(res, 200, z.parse(consentCatalog, await catalogFor(query)));
          break;
        }
        case 'GET /state': {
          checkIssuer(query.issuer);
          const subject = checkSubject({ id: q.get('subject') ?? '', type: q.get('subjectType') ?? '' }, req);
          if (!o.transport.loadState) throw new ConsentError('unsupported', 'This provider cannot read stored decisions.');
          send(res, 200, { decisions: await o.transport.loadState({ ...query, subject }) });
          break;
        }
        case 'POST /decisions': {
          const body = saveBody.safeParse(await readJson(req));
          if (!body.success) throw new ConsentError('config', `Invalid body: ${body.error.issues[0]?.path.join('.')} ${body.error.issues[0]?.message}`);
          checkIssuer(body.data.issuer);
          const subject = checkSubject(body.data.subject, req);
          if (!o.transport.saveDecisions) throw new ConsentError('unsupported', 'This provider cannot save decisions.');
          const { issuer, clientId, serviceId, templateId, lang } = body.data;
          const catalog = await catalogFor({ issuer, clientId, serviceId, templateId, lang });
          const evidence = o.evidenceFor?.(req);
          const request = { ...body.data, subject, catalog, ...(evidence == null ? {} : { evidence }) };
          const key = req.headers['idempotency-key'];
          // With a key, a repeat (a retry after a lost answer) is answered from what was stored.
          const receipts =
            typeof key === 'string' && /^[\w-]{8,100}$/.test(key)
              ? await saveOnce({ ...request, idempotencyKey: key }, { store: keys, transport: o.transport, writeDeadline: o.writeDeadline ?? 30_000 })
              : await o.transport.saveDecisions(request);
          send(res, 200, { receipts });
          break;
        }
        case 'POST /access': {
          const body = accessBody.safeParse(await readJson(req));
          if (!body.success) throw new ConsentError('config', `Invalid body: ${body.error.issues[0]?.path.join('.')} ${body.error.issues[0]?.message}`);
          if (!o.transport.checkAccess) throw new ConsentError('unsupported', 'This provider cannot check access.');
          const { subject: browserSubject, ...question } = body.data;
          const entitlement = question.product || question.articleId || question.domain || question.categoryType;
          const identity = entitlement ? o.identityFor?.(req) : undefined;
          if (entitlement && !identity) throw new ConsentError('unauthorized', 'Sign in to check access.');
          // A visitor's consent needs whose; an org-level one (CSP) needs none.
          const subject = question.consent && browserSubject ? checkSubject(browserSubject, req) : undefined;
          send(res, 200, await o.transport.checkAccess({ ...question, ...identity, ...(subject ? { subject } : {}) }));
          break;
        }
        case 'POST /privacy/access':
        case 'POST /privacy/erasure': {
          const body = privacyBody.safeParse(await readJson(req));
          if (!body.success) throw new ConsentError('config', 'Invalid body: sendReceipt (boolean) is required.');
          const reader = o.privacyFor?.(req);
          if (!reader?.requestPrivacy) throw new ConsentError('unauthorized', 'Sign in to make a privacy request.');
          const right = route.endsWith('/access') ? 'access' : 'erasure';
          send(res, 200, await reader.requestPrivacy({ right, sendReceipt: body.data.sendReceipt }));
          break;
        }
        default:
          send(res, 404, { code: 'config', message: `No such consent API route: ${route}` });
      }
    } catch (e) {
      const err = toConsentError(e);
      if (err.retryAfter !== undefined) res.setHeader('retry-after', String(err.retryAfter));
      // Only the code and a short message go back: provider details stay in the server log.
      o.log?.(`${route} failed: ${err.code} ${err.message}`);
      // Our own refusal (no provider behind it) is the visitor's: 401. A provider's refusal of our
      // credentials is a gateway problem: 502.
      const status = err.code === 'unauthorized' && err.cause === undefined ? 401 : statusOf[err.code];
      send(res, status, { code: err.code, message: publicMessage(err), ...(err.receipts?.length ? { receipts: err.receipts } : {}) });
    }
    return true;
  };
}

function publicMessage(e: ConsentError): string {
  return e.code === 'config' ? e.message : `The consent provider failed (${e.code}${e.status ? ` ${e.status}` : ''}).`;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > limit) throw new ConsentError('config', 'Body too large.');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConsentError('config', 'The body is not JSON.');
  }
}
