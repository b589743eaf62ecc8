import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { SimStore } from './store.js';

/**
 * The simulator's plumbing, shared by every provider it imitates: routing, CORS, JSON bodies,
 * injected faults, a log of received bodies, persisted state and the admin API under /__sim.
 */
export interface SimOptions {
  /** Where state is persisted. Without it, state lives in memory only. */
  dataFile?: string;
  log?: (line: string) => void;
}

/** `drop` closes the connection before the request is handled; `drop-after` handles it (stores) and then closes instead of answering. */
export const faults = ['latency', '429', '500', '401', '404', 'malformed', 'html', 'drop', 'drop-after', 'refused'] as const;
export type Fault = (typeof faults)[number];

interface QueuedFault {
  fault: Fault;
  ms?: number;
  path?: string;
  times: number;
}

/**
 * Faults drawn at random for every matching request (seeded, so a run can be repeated):
 * `rate` of them get one of `faults`; latency lasts between `ms[0]` and `ms[1]`.
 */
const chaosBody = z.object({
  seed: z.int().default(1),
  rate: z.number().min(0).max(1),
  faults: z.array(z.enum(faults)).min(1),
  ms: z.tuple([z.int().min(0), z.int().max(60_000)]).default([500, 3000]),
  /** Only requests whose path starts with one of these. */
  paths: z.array(z.string()).default([]),
  /** Only these methods (default: all). */
  methods: z.array(z.string()).default([]),
});
type Chaos = z.infer<typeof chaosBody> & { random: () => number; counts: Record<string, number> };

/** A small seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Ctx {
  /** Set by a `drop-after` fault: the handler runs, then the connection is closed instead of answered. */
  dropAfter?: boolean;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Query parameters with lower-cased names (ASP.NET matches them case-insensitively). */
  query: Map<string, string>;
  /** Set by a provider's auth check. */
  principal?: unknown;
}
export type Handler = (ctx: Ctx, params: string[]) => Promise<void> | void;

/** A provider-specific malformed body and error body, so faults look like that provider's. */
export interface FaultStyle {
  prefix: string;
  malformed: string;
  error: (status: number, message: string) => unknown;
  /** A 200 answer that says no (Consentua's `Success:false` model); others answer `refused` with a 500. */
  refusal?: (message: string) => unknown;
}

export interface ReceivedBody {
  method: string;
  path: string;
  at: number;
  body: unknown;
}

export class SimCore {
  readonly store: SimStore;
  readonly server: Server;
  readonly #log?: (line: string) => void;
  readonly #routes: [string, RegExp, Handler][] = [];
  readonly #faults: QueuedFault[] = [];
  readonly #styles: FaultStyle[] = [];
  readonly #received: ReceivedBody[] = [];
  readonly #resetHooks: (() => void)[] = [];
  #chaos?: Chaos;

  constructor(opts: SimOptions) {
    this.#log = opts.log;
    this.store = new SimStore(opts.dataFile);
    this.server = createServer((req, res) => void this.#handle(req, res));
    this.#admin();
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

  /** `pattern` uses `:name` for a path segment. Repeated slashes in requests are tolerated. */
  route(method: string, pattern: string, handler: Handler): void {
    const re = new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}/?$`, 'i');
    this.#routes.push([method, re, handler]);
  }

  faultStyle(style: FaultStyle): void {
    this.#styles.push(style);
  }

  onReset(hook: () => void): void {
    this.#resetHooks.push(hook);
  }

  /** Remembers what a client sent, for tests to assert on the exact wire shape. */
  received(ctx: Ctx, body: unknown): void {
    this.#received.push({ method: ctx.req.method ?? '', path: ctx.url.pathname, at: Date.now(), body });
    if (this.#received.length > 200) this.#received.shift();
  }

  #admin() {
    this.route('GET', '/__sim/received', (ctx) => {
      const path = ctx.query.get('path');
      json(ctx, 200, { received: this.#received.filter((r) => !path || r.path.startsWith(path)) });
    });
    this.route('POST', '/__sim/reset', (ctx) => {
      this.#faults.length = 0;
      this.#chaos = undefined;
      this.#received.length = 0;
      this.#resetHooks.forEach((h) => h());
      this.store.reset();
      json(ctx, 200, { ok: true });
    });
    this.route('POST', '/__sim/faults', async (ctx) => {
      const body = z
        .object({
          fault: z.enum(faults),
          ms: z.int().min(0).max(60_000).optional(),
          path: z.string().optional(),
          times: z.int().min(1).max(1000).default(1),
        })
        .safeParse(await readJson(ctx.req));
      if (!body.success) return json(ctx, 400, { errorMessage: z.prettifyError(body.error) });
      this.#faults.push(body.data);
      json(ctx, 200, { queued: this.#faults.length });
    });
    // The faults still queued, with the times each has left (tests count what was used).
    this.route('GET', '/__sim/faults', (ctx) => json(ctx, 200, { faults: this.#faults }));
    this.route('DELETE', '/__sim/faults', (ctx) => {
      this.#faults.length = 0;
      json(ctx, 200, { ok: true });
    });
    this.route('POST', '/__sim/chaos', async (ctx) => {
      const body = chaosBody.safeParse(await readJson(ctx.req));
      if (!body.success) return json(ctx, 400, { errorMessage: z.prettifyError(body.error) });
      this.#chaos = { ...body.data, random: seeded(body.data.seed), counts: {} };
      json(ctx, 200, { ok: true });
    });
    this.route('GET', '/__sim/chaos', (ctx) => json(ctx, 200, { counts: this.#chaos?.counts ?? {} }));
    this.route('DELETE', '/__sim/chaos', (ctx) => {
      const counts = this.#chaos?.counts ?? {};
      this.#chaos = undefined;
      json(ctx, 200, { counts });
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL((req.url ?? '/').replace(/\/{2,}/g, '/'), 'http://simulator');
    const query = new Map([...url.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
    const ctx: Ctx = { req, res, url, query };
    cors(req, res);
    res.on('finish', () => this.#log?.(`${req.method} ${url.pathname}${url.search} → ${res.statusCode}`));
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    try {
      if (!url.pathname.startsWith('/__sim') && (await this.#injectFault(ctx))) return;
      for (const [method, re, handler] of this.#routes) {
        const m = re.exec(url.pathname);
        if (m && method === req.method) return await handler(ctx, m.slice(1).map(decodeURIComponent));
      }
      json(ctx, 404, this.#style(url.pathname).error(404, `No route for ${req.method} ${url.pathname}`));
    } catch (e) {
      if (!res.headersSent) json(ctx, 500, this.#style(url.pathname).error(500, 'Internal error'));
      this.#log?.(`error: ${(e as Error).message}`);
    }
  }

  #style(path: string): FaultStyle {
    return (
      this.#styles.find((s) => path.startsWith(s.prefix)) ?? {
        prefix: '',
        malformed: '{"broken": ',
        error: (status, message) => ({ status, message }),
      }
    );
  }

  /** Applies a fault from the `x-sim-fault` header or the queue. True when it answered. */
  async #injectFault(ctx: Ctx): Promise<boolean> {
    const header = String(ctx.req.headers['x-sim-fault'] ?? '');
    const list: { fault: string; ms?: number }[] = header
      ? header.split(',').map((f) => {
          const [fault = '', ms] = f.trim().split('=');
          return { fault, ms: ms === undefined ? undefined : Number(ms) };
        })
      : [];
    const i = this.#faults.findIndex((f) => !f.path || ctx.url.pathname.startsWith(f.path));
    if (i >= 0) {
      const q = this.#faults[i]!;
      list.push(q);
      if (--q.times <= 0) this.#faults.splice(i, 1);
    }
    const chaos = this.#chaos;
    if (
      chaos &&
      (!chaos.paths.length || chaos.paths.some((p) => ctx.url.pathname.startsWith(p))) &&
      (!chaos.methods.length || chaos.methods.includes(ctx.req.method ?? '')) &&
      chaos.random() < chaos.rate
    ) {
      const fault = chaos.faults[Math.floor(chaos.random() * chaos.faults.length)]!;
      const [lo, hi] = chaos.ms;
      list.push({ fault, ms: fault === 'latency' ? Math.round(lo + chaos.random() * (hi - lo)) : undefined });
      chaos.counts[fault] = (chaos.counts[fault] ?? 0) + 1;
    }
    const style = this.#style(ctx.url.pathname);
    for (const { fault, ms } of list) {
      switch (fault) {
        case 'latency':
          await new Promise((r) => setTimeout(r, ms ?? 2000));
          break;
        case '429':
          ctx.res.setHeader('retry-after', String(ms === undefined ? 1 : Math.ceil(ms / 1000)));
          json(ctx, 429, style.error(429, 'Rate limit exceeded'));
          return true;
        case '401':
        case '404':
        case '500': {
          const status = Number(fault);
          const text = { 401: 'Simulated expired credentials', 404: 'Simulated not found', 500: 'Simulated server error' }[status]!;
          json(ctx, status, style.error(status, text));
          return true;
        }
        case 'refused':
          if (style.refusal) json(ctx, 200, style.refusal('Simulated refusal'));
          else json(ctx, 500, style.error(500, 'Simulated refusal'));
          return true;
        case 'malformed':
          ctx.res.writeHead(200, { 'content-type': 'application/json' }).end(style.malformed);
          return true;
        case 'html':
          ctx.res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end('<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>');
          return true;
        case 'drop':
          ctx.req.socket.destroy();
          return true;
        case 'drop-after':
          ctx.dropAfter = true;
          break;
      }
    }
    return false;
  }
}

function cors(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('vary', 'origin');
  res.setHeader(
    'access-control-allow-headers',
    'authorization, content-type, accept-language, so-language, so-apptoken, csp-auth-token, x-sim-fault',
  );
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

export function json(ctx: Ctx, status: number, body: unknown) {
  if (ctx.dropAfter) return void ctx.req.socket.destroy();
  ctx.res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  ctx.res.end(JSON.stringify(body));
}

export function noContent(ctx: Ctx) {
  if (ctx.dropAfter) return void ctx.req.socket.destroy();
  ctx.res.writeHead(204, { 'cache-control': 'no-store' }).end();
}

export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parsed JSON body, or a value no schema accepts when it is not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return Symbol('invalid json');
  }
}
