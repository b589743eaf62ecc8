import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { consents, groups, issuers, type SimConsent } from './data.js';
import { EventStore, type SimEvent } from './store.js';

/**
 * A local stand-in for the Connect API (paths under /capi, field names and status codes from
 * the API reference) plus the ConnectID client-credentials token endpoint. It adds an admin
 * API under /__sim for tests: reset, the stored events, injected faults and user tokens.
 */
export interface SimulatorOptions {
  /** Where events are persisted. Without it they live in memory only. */
  dataFile?: string;
  /** client_id → client_secret accepted by the token endpoint. */
  clients: Record<string, string>;
  /** Requests per second and per minute per token before 429. Connect: 100 and 2000. */
  rateLimit?: { perSecond: number; perMinute: number };
  log?: (line: string) => void;
}

export type Fault = 'latency' | '429' | '500' | '401' | 'malformed' | 'html' | 'drop';
interface QueuedFault {
  fault: Fault;
  ms?: number;
  path?: string;
  times: number;
}

type Principal = { kind: 'client'; clientId: string } | { kind: 'user'; subject: string; subjectType: string };
interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  principal?: Principal;
}
type Handler = (ctx: Ctx, params: string[]) => Promise<void> | void;

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

export class ConnectSimulator {
  readonly store: EventStore;
  readonly #opts: SimulatorOptions;
  readonly #tokens = new Map<string, Principal & { expires: number }>();
  readonly #faults: QueuedFault[] = [];
  readonly #hits = new Map<string, number[]>();
  readonly #routes: [string, RegExp, Handler][] = [];
  readonly server: Server;

  constructor(opts: SimulatorOptions) {
    this.#opts = opts;
    this.store = new EventStore(opts.dataFile);
    this.server = createServer((req, res) => void this.#handle(req, res));
    this.#defineRoutes();
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    return `http://${host}:${bound}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
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

  #route(method: string, pattern: string, handler: Handler) {
    const re = new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}/?$`);
    this.#routes.push([method, re, handler]);
  }

  #defineRoutes() {
    const capi = '/capi/v1';
    // OAuth2 token endpoint (ConnectID: /user/oauth/token)
    this.#route('POST', '/user/oauth/token', (ctx) => this.#token(ctx));
    for (const mode of ['client', 'user'] as const) {
      const base = mode === 'client' ? `${capi}/client/customer/privacy` : `${capi}/customer/privacy`;
      const guard = (h: Handler): Handler => (ctx, p) => (this.#authorize(ctx, mode) ? h(ctx, p) : undefined);
      this.#route('GET', `${base}/consentGroups/:issuer`, guard((ctx, [issuer]) => this.#groups(ctx, issuer!)));
      this.#route('GET', `${base}/consents/:issuer`, guard((ctx, [issuer]) => this.#consents(ctx, issuer!)));
      this.#route('POST', `${base}/consentEvent`, guard((ctx) => this.#register(ctx, mode)));
      if (mode === 'client') {
        this.#route('GET', `${base}/consentEvent/history/:issuer/:subjectType/:subject`, guard((ctx, [issuer, type, subject]) =>
          this.#history(ctx, issuer!, type!, subject!)));
      } else {
        this.#route('GET', `${base}/consentEvent/history/:issuer`, guard((ctx, [issuer]) => {
          const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
          return this.#history(ctx, issuer!, p.subjectType, p.subject);
        }));
      }
    }
    // Admin API for tests and the demo (not part of Connect).
    this.#route('GET', '/__sim/issuers', (ctx) => json(ctx, 200, issuers));
    this.#route('GET', '/__sim/events', (ctx) => json(ctx, 200, { events: this.store.events }));
    this.#route('POST', '/__sim/reset', (ctx) => {
      this.store.reset();
      this.#faults.length = 0;
      this.#hits.clear();
      json(ctx, 200, { ok: true });
    });
    this.#route('POST', '/__sim/faults', async (ctx) => {
      const body = z
        .object({
          fault: z.enum(['latency', '429', '500', '401', 'malformed', 'html', 'drop']),
          ms: z.int().min(0).max(60_000).optional(),
          path: z.string().optional(),
          times: z.int().min(1).max(1000).default(1),
        })
        .safeParse(await readJson(ctx.req));
      if (!body.success) return json(ctx, 400, { errorCode: 'INVALID_REQUEST', errorMessage: z.prettifyError(body.error) });
      this.#faults.push(body.data);
      json(ctx, 200, { queued: this.#faults.length });
    });
    this.#route('DELETE', '/__sim/faults', (ctx) => {
      this.#faults.length = 0;
      json(ctx, 200, { ok: true });
    });
    this.#route('POST', '/__sim/user-token', async (ctx) => {
      const body = z.object({ subject: z.string().min(1) }).safeParse(await readJson(ctx.req));
      if (!body.success) return json(ctx, 400, { errorCode: 'INVALID_REQUEST', errorMessage: 'subject is required' });
      json(ctx, 200, { access_token: this.userToken(body.data.subject), token_type: 'bearer', expires_in: TOKEN_TTL_S });
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const ctx: Ctx = { req, res, url };
    cors(req, res);
    res.on('finish', () => this.#opts.log?.(`${req.method} ${url.pathname}${url.search} → ${res.statusCode}`));
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    try {
      if (!url.pathname.startsWith('/__sim') && (await this.#injectFault(ctx))) return;
      for (const [method, re, handler] of this.#routes) {
        const m = re.exec(url.pathname);
        if (m && method === req.method) return await handler(ctx, m.slice(1).map(decodeURIComponent));
      }
      json(ctx, 404, { errorCode: 'NOT_FOUND', errorMessage: `No route for ${req.method} ${url.pathname}` });
    } catch (e) {
      if (!res.headersSent) json(ctx, 500, { errorCode: 'SERVER_ERROR', errorMessage: 'Internal error' });
      this.#opts.log?.(`error: ${(e as Error).message}`);
    }
  }

  /** Applies a fault from the `x-sim-fault` header or the queue. True when it answered. */
  async #injectFault(ctx: Ctx): Promise<boolean> {
    const header = String(ctx.req.headers['x-sim-fault'] ?? '');
    const faults: { fault: string; ms?: number }[] = header
      ? header.split(',').map((f) => {
          const [fault = '', ms] = f.trim().split('=');
          return { fault, ms: ms === undefined ? undefined : Number(ms) };
        })
      : [];
    const i = this.#faults.findIndex((f) => !f.path || ctx.url.pathname.startsWith(f.path));
    if (i >= 0) {
      const q = this.#faults[i]!;
      faults.push(q);
      if (--q.times <= 0) this.#faults.splice(i, 1);
    }
    for (const { fault, ms } of faults) {
      switch (fault) {
        case 'latency':
          await new Promise((r) => setTimeout(r, ms ?? 2000));
          break;
        case '429':
          ctx.res.setHeader('retry-after', String(ms === undefined ? 1 : Math.ceil(ms / 1000)));
          json(ctx, 429, { errorCode: 'TOO_MANY_REQUESTS', errorMessage: 'Rate limit exceeded' });
          return true;
        case '500':
          json(ctx, 500, { errorCode: 'SERVER_ERROR', errorMessage: 'Simulated server error' });
          return true;
        case '401':
          json(ctx, 401, { errorCode: 'UNAUTHORIZED', errorMessage: 'Simulated expired token' });
          return true;
        case 'malformed':
          ctx.res.writeHead(200, { 'content-type': 'application/json' }).end('{"issuer": "468979834", "groups": [{"consentGroupId": ');
          return true;
        case 'html':
          ctx.res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end('<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>');
          return true;
        case 'drop':
          ctx.req.socket.destroy();
          return true;
      }
    }
    return false;
  }

  #authorize(ctx: Ctx, mode: 'client' | 'user'): boolean {
    const m = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
    const p = m ? this.#tokens.get(m[1]!) : undefined;
    if (!p || p.expires < Date.now()) {
      ctx.res.setHeader('www-authenticate', 'Bearer realm="connect"');
      json(ctx, 401, { errorCode: 'UNAUTHORIZED', errorMessage: p ? 'Token expired' : 'A valid bearer token is required' });
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
      json(ctx, 429, { errorCode: 'TOO_MANY_REQUESTS', errorMessage: 'Rate limit exceeded' });
      this.#hits.set(key, hits);
      return false;
    }
    hits.push(now);
    this.#hits.set(key, hits);
    return true;
  }

  async #token(ctx: Ctx) {
    const raw = await readBody(ctx.req);
    const form = new URLSearchParams(
      (ctx.req.headers['content-type'] ?? '').includes('json') ? Object.entries(safeJson(raw) ?? {}) : raw,
    );
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
    const onlyActive = ctx.url.searchParams.get('onlyActive') !== 'false';
    json(ctx, 200, {
      issuer,
      groups: groups
        .filter((g) => g.issuer === issuer && (!onlyActive || g.active))
        .map(({ issuer: _i, ...g }) => g),
    });
  }

  #consents(ctx: Ctx, issuer: string) {
    const onlyActive = ctx.url.searchParams.get('onlyActive') !== 'false';
    const groupId = ctx.url.searchParams.get('consentGroupId');
    const activeGroups = new Set(groups.filter((g) => g.active).map((g) => g.consentGroupId));
    json(ctx, 200, {
      issuer,
      consents: consents
        .filter((c) => c.issuer === issuer && (groupId === null || String(c.consentGroupId) === groupId))
        .filter((c) => !onlyActive || (c.active && activeGroups.has(c.consentGroupId)))
        .map(({ issuer: _i, ...c }) => c),
    });
  }

  #history(ctx: Ctx, issuer: string, subjectType: string, subject: string) {
    if (!(subjectTypes as readonly string[]).includes(subjectType))
      return json(ctx, 400, { errorCode: 'INVALID_SUBJECT_TYPE', errorMessage: `Unknown subjectType ${subjectType}` });
    const onlyActive = ctx.url.searchParams.get('onlyActive') !== 'false';
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
          events: this.store.events
            .filter((e) => e.consentId === c.consentId && e.subject === subject && e.subjectType === subjectType)
            .map(({ consentEventId, created, source, action }) => ({ consentEventId, created, source, action })),
        }))
        .filter((c) => c.events.length > 0),
    });
  }

  async #register(ctx: Ctx, mode: 'client' | 'user') {
    const parsed = eventBody.safeParse(await readJson(ctx.req));
    if (!parsed.success)
      return json(ctx, 400, { errorCode: 'INVALID_REQUEST', errorMessage: z.prettifyError(parsed.error) });
    const b = parsed.data;
    const consent = findConsent(b.consentId, b.consentTarget, b.consentScope);
    if (typeof consent === 'string') return json(ctx, 400, { errorCode: 'INVALID_CONSENT', errorMessage: consent });
    let subject: string, subjectType: string;
    if (mode === 'user') {
      ({ subject, subjectType } = ctx.principal as Extract<Principal, { kind: 'user' }>);
    } else {
      if (!b.subject || !b.subjectType)
        return json(ctx, 400, { errorCode: 'INVALID_REQUEST', errorMessage: 'subject and subjectType are required' });
      ({ subject, subjectType } = b);
    }
    const created = Date.now();
    const base = { subject, subjectType, source: b.source ?? '', action: b.action, created };
    const event = this.store.append({ ...base, consentId: consent.consentId, eventTime: b.eventTime, data: b.data });
    // An event on a parent consent is applied to every consent below it.
    const children: SimEvent[] = descendants(consent).map((c) =>
      this.store.append({ ...base, consentId: c.consentId, eventTime: b.eventTime, parentEventId: event.consentEventId }));
    this.store.flush();
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

function cors(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, x-sim-fault');
  res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

function json(ctx: Ctx, status: number, body: unknown) {
  ctx.res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  ctx.res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const safeJson = (raw: string): Record<string, string> | undefined => {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return Symbol('invalid json'); // fails every schema → 400
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
