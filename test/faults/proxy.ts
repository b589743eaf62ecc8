// The fault suite's network between the pages and what they talk to: a small HTTP proxy in front
// of the host backend and the simulator. It serves each visitor's page under `/v/<n>/` (so the
// host backend is same-origin, as on a publisher's site) and breaks that visitor's API requests
// as `decide` says. A proxy costs far less than intercepting every request in the browser.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'drop' | 'drop-after' | '429' | '500' | 'html' | { latency: number };

export interface FaultProxyOptions {
  /** The host backend and demo pages (`/api/consent`, `/dist/…`). */
  demo: string;
  /** The simulator (`/capi/…`, Connect user mode). */
  simulator: string;
  /** The HTML of visitor `n`'s page. */
  page(n: number): string;
  /** What happens to one API request of visitor `n` (nothing: it passes). */
  decide(n: number, method: string, path: string): Fault | undefined;
  /** Sees each upstream answer's headers, dropped or not (which visitor ids the backend issued to whom). */
  answered?(n: number, headers: http.IncomingHttpHeaders): void;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(o: FaultProxyOptions): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => req.socket.destroy());
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const m = /^\/v\/(\d+)(\/.*)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    const n = Number(m[1]);
    const path = m[2]!;
    if (path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(o.page(n));
    }
    const api = path.startsWith('/api/consent') || path.startsWith('/capi/');
    const fault = api && req.method !== 'OPTIONS' ? o.decide(n, req.method ?? 'GET', path) : undefined;
    const json = { 'content-type': 'application/json' };
    const errorBody = (status: number) =>
      JSON.stringify(path.startsWith('/capi/') ? { errorCode: 'SERVER_ERROR', errorMessage: 'Injected' } : { code: status === 429 ? 'rate-limited' : 'http', message: 'Injected' });
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === '429') return void res.writeHead(429, { ...json, 'retry-after': '1' }).end(errorBody(429));
    if (fault === '500') return void res.writeHead(500, json).end(errorBody(500));
    if (fault === 'html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Service temporarily unavailable</h1>');
    if (typeof fault === 'object') await sleep(fault.latency);
    const target = new URL(path, path.startsWith('/capi/') ? o.simulator : o.demo);
    const body = await read(req);
    const upstream = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      // As a publisher's own reverse proxy would: the backend sees its site's origin.
      const headers = { ...req.headers, host: target.host, ...(req.headers.origin ? { origin: target.origin } : {}) };
      const r = http.request(target, { method: req.method, headers, agent }, async (u) => resolve({ status: u.statusCode ?? 502, headers: u.headers, body: await read(u) }));
      r.on('error', reject);
      r.end(body);
    });
    o.answered?.(n, upstream.headers);
    // Stored (or not) upstream, but the answer is cut after its first bytes. (A connection closed
    // before any byte of an answer is resent by the browser itself: only idempotency keys help there.)
    if (fault === 'drop-after') return void req.socket.end('HTTP/1.1 200 OK\r\n');
    const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...headers } = upstream.headers;
    // As a site in production serves its script (the demo's dev server forbids caching): a visitor's
    // later pages take it from the cache, compiled.
    if (path.startsWith('/dist/') && upstream.status === 200) headers['cache-control'] = 'max-age=3600';
    res.writeHead(upstream.status, headers).end(upstream.body);
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  };
}

function read(s: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', reject);
  });
}
