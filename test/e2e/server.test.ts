// The shipped backend (consent-elements/server) from the packed tarball: one contract suite, run
// against the handler as a fetch-style function, in node:http and in Express (toNodeHandler),
// with the simulator behind it; and the standalone server (its bin).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { createStorage } from 'unstorage';
import { Simulator } from '../../demo/simulator/server.js';
import { connectAccessExampleRequest } from '../../fixtures/seed-examples.js';
import { customers } from '../../fixtures/connect.js';
import { CSP_ORG } from '../../fixtures/csp.js';
import type * as ServerEntry from '../../src/server.js';
import type { ConsentHandler, RequestLog } from '../../src/server.js';
import { installPackage } from './package.js';

// The package as a publisher gets it: packed, installed, imported by its name's entry.
const pkg = await installPackage();
const { clientCredentials, ConnectTransport, createConsentHandler, cspApiTokenLogin, CspTransport, preloadScript, sharedKeyStore, SuperOfficeTransport, toNodeHandler, unstorageStore } = (await import(
  pkg.entry('server')
)) as typeof ServerEntry;

const dir = mkdtempSync(join(tmpdir(), 'server-test-'));
const secret = `secret-${crypto.randomUUID()}`;
const soAuth = `Bearer so-${crypto.randomUUID()}`;
const visitorSecret = `visitor-${crypto.randomUUID()}`;
const ORIGIN = 'https://www.example.test';
const kari = customers[0]!;
let sim: Simulator;
let simUrl: string;

before(async () => {
  sim = new Simulator({ dataFile: join(dir, 'sim.json'), clients: { c1: secret }, consentuaServiceKey: 'k', superofficeAuthorization: soAuth, cspApiToken: 't' });
  simUrl = await sim.listen(0);
});
after(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A handler serving Connect, SuperOffice and CSP under /api, as a publisher would mount it. */
function makeHandler(
  logs: RequestLog[],
  o: { rateLimit?: number; trustProxy?: boolean; signedIn?: boolean; store?: ServerEntry.SharedStore; keys?: ServerEntry.KeyStore; catalogTtl?: number; secrets?: string[] } = {},
): ConsentHandler {
  const tokens = clientCredentials({ tokenUrl: `${simUrl}/user/oauth/token`, clientId: 'c1', clientSecret: secret });
  return createConsentHandler({
    base: '/api',
    connect: new ConnectTransport({ endpoint: `${simUrl}/capi`, mode: 'client', getToken: tokens.getToken, refreshToken: tokens.invalidate, retries: 0 }),
    superoffice: new SuperOfficeTransport({ endpoint: `${simUrl}/superoffice/api/v1`, getAuthorization: () => soAuth, retries: 0 }),
    csp: new CspTransport({ endpoint: simUrl, orgId: CSP_ORG, getToken: cspApiTokenLogin({ endpoint: simUrl, apiToken: 't' }).getToken, retries: 0 }),
    allowedOrigins: [ORIGIN],
    visitor: { secret: o.secrets ?? [visitorSecret] },
    rateLimit: o.rateLimit,
    trustProxy: o.trustProxy,
    maxBodyBytes: 4096,
    catalogTtl: o.catalogTtl ?? 0,
    store: o.store,
    keys: o.keys,
    log: (e) => logs.push(e),
    // The host's session: a signed-in reader (Kari) and her CRM person.
    identity:
      o.signedIn === false
        ? {}
        : {
            identityFor: () => ({ uniqueId: kari.uniqueId, credential: kari.credentials[0] }),
            subjectFor: (_req, { provider }) => (provider === 'superoffice' ? { id: '30337', type: 'PERSON' } : undefined),
          },
  });
}

/** How a suite reaches the handler: directly (fetch style) or over HTTP through node:http. */
interface Runtime {
  name: string;
  start(handler: ConsentHandler): Promise<{ url: string; call: Call; stop(): Promise<void> }>;
}

const runtimes: Runtime[] = [
  {
    name: 'fetch-style (Request → Response)',
    async start(handler) {
      const url = 'http://backend.test';
      return {
        url,
        call: (path, init = {}) => handler(new Request(`${url}${path}`, init), { clientAddress: init.from ?? '203.0.113.9' }),
        stop: async () => undefined,
      };
    },
  },
  {
    name: 'Express (toNodeHandler as middleware)',
    async start(handler) {
      const app = express();
      app.use(toNodeHandler(handler));
      app.use((_req, res) => void res.status(404).send('not the consent API'));
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((r) => server.once('listening', () => r()));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        url,
        call: (path, init = {}) => fetch(`${url}${path}`, init),
        stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
      };
    },
  },
  {
    name: 'node:http (toNodeHandler)',
    async start(handler) {
      const server: Server = createServer(toNodeHandler(handler));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        url,
        call: (path, init = {}) => fetch(`${url}${path}`, init),
        stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
      };
    },
  },
];

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

type Call = (path: string, init?: RequestInit & { from?: string }) => Promise<Response>;
type Decisions = { decisions: { itemId: string; granted: boolean }[] };

/** The visitor cookie a response sets: the `name=value` to send back, its attributes, and the visitor id in it. */
function cookieOf(r: Response) {
  const set = r.headers.getSetCookie().find((c) => c.startsWith('consent_visitor=')) ?? '';
  const cookie = set.split(';')[0]!;
  return { cookie, set, id: cookie.slice('consent_visitor='.length).split('.')[0]! };
}

/** A new anonymous visitor, as a page makes one: no id until their first decision, whose answer brings the backend's cookie. */
async function newVisitor(call: Call, itemId = '10') {
  const read = await call('/api/connect/state?issuer=468979834', { headers: { origin: ORIGIN } });
  assert.equal(read.status, 200);
  assert.deepEqual(((await read.json()) as Decisions).decisions, [], 'a new visitor has decided nothing');
  assert.deepEqual(read.headers.getSetCookie(), [], 'and gets no id before a decision');
  const saved = await call('/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId, granted: true }] }));
  assert.equal(saved.status, 200);
  return cookieOf(saved);
}

const eventsOf = async (subject: string) =>
  ((await (await fetch(`${simUrl}/__sim/events`)).json()) as { events: { subject: string; consentId: number; action: boolean }[] }).events
    .filter((e) => e.subject === subject)
    .map((e) => [e.consentId, e.action]);

for (const rt of runtimes) {
  describe(`consent handler: ${rt.name}`, () => {
    const logs: RequestLog[] = [];
    let api: Awaited<ReturnType<Runtime['start']>>;
    before(async () => {
      api = await rt.start(makeHandler(logs));
    });
    after(() => api.stop());

    it('serves the catalog, with CORS for an allowed origin; refuses another origin with 403 naming it', async () => {
      const ok = await api.call('/api/connect/catalog?issuer=468979834', { headers: { origin: ORIGIN } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(ok.headers.get('access-control-allow-credentials'), 'true', 'the page sends its cookies');
      assert.deepEqual(((await ok.json()) as { groups: { id: string }[] }).groups.map((g) => g.id).slice(0, 2), ['2', '1']);
      const evil = await api.call('/api/connect/catalog?issuer=468979834', { headers: { origin: 'https://evil.test' } });
      assert.equal(evil.status, 403);
      assert.match(((await evil.json()) as { message: string }).message, /evil\.test.*allowedOrigins/);
      // That origin may read the refusal (so its page reports a config error naming it), and nothing else.
      assert.equal(evil.headers.get('access-control-allow-origin'), 'https://evil.test');
    });

    it('lets the browser keep a catalog (ETag, private max-age) and answers an unchanged one with 304', async () => {
      const first = await api.call('/api/connect/catalog?issuer=468979834', { headers: { origin: ORIGIN } });
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]{22}"$/);
      assert.equal(first.headers.get('cache-control'), 'private, max-age=0', 'the lifetime is the handler\'s catalogTtl (0 here)');
      const again = await api.call('/api/connect/catalog?issuer=468979834', { headers: { origin: ORIGIN, 'if-none-match': etag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('access-control-allow-origin'), ORIGIN);
      const other = await api.call('/api/connect/catalog?issuer=913456780', { headers: { origin: ORIGIN, 'if-none-match': etag! } });
      assert.equal(other.status, 200, 'another catalog is not the one the browser kept');
      const state = await api.call('/api/connect/state?issuer=468979834', { headers: { origin: ORIGIN } });
      assert.equal(state.headers.get('cache-control'), 'no-store', 'answers about the visitor are never kept');
    });

    it('answers a CORS preflight', async () => {
      const r = await api.call('/api/connect/decisions', { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
      assert.equal(r.status, 204);
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /consent-visitor-claim/);
      assert.match(r.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('takes a save from a page of its own origin without it being listed (Sec-Fetch-Site), and not from another site that claims it', async () => {
      const body = { issuer: '468979834', decisions: [{ itemId: '10', granted: true }] };
      const own = await api.call('/api/connect/decisions', post(body, { origin: 'https://own.test', 'sec-fetch-site': 'same-origin' }));
      assert.equal(own.status, 200, await own.clone().text());
      const other = await api.call('/api/connect/decisions', post(body, { origin: 'https://own.test', 'sec-fetch-site': 'cross-site' }));
      assert.equal(other.status, 403);
      assert.match(((await other.json()) as { message: string }).message, /own\.test.*allowedOrigins/);
    });

    it('refuses writes without an allowed Origin (403) or not as JSON (415)', async () => {
      const body = { issuer: '468979834', subject: { id: 'v-1', type: 'EXTERNAL' }, decisions: [{ itemId: '10', granted: true }] };
      const noOrigin = await api.call('/api/connect/decisions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(noOrigin.status, 403);
      const form = await api.call('/api/connect/decisions', post(JSON.stringify(body), { 'content-type': 'text/plain' }));
      assert.equal(form.status, 415);
    });

    it('refuses a body over the limit with 413, and an invalid one with 400 naming the field', async () => {
      const big = await api.call('/api/connect/decisions', post({ issuer: '468979834', pad: 'x'.repeat(5000) }));
      assert.equal(big.status, 413);
      const bad = await api.call('/api/connect/decisions', post({ issuer: '468979834', subject: { id: 'v', type: 'EXTERNAL' }, decisions: [{ itemId: '1' }] }));
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { message: string }).message, /decisions\.0\.granted/);
      const notJson = await api.call('/api/connect/decisions', post('{"issuer":'));
      assert.equal(notJson.status, 400);
    });

    it('issues the anonymous visitor a signed HttpOnly cookie at their first decision and keeps their decisions under it', async () => {
      const v = await newVisitor(api.call, '10');
      assert.match(v.id, /^[0-9a-f-]{36}$/);
      assert.match(v.set, /; HttpOnly/);
      assert.match(v.set, /; SameSite=Lax/);
      assert.match(v.set, /; Path=\//);
      assert.doesNotMatch(v.set, /Secure/, 'plain http');
      const saved = await api.call('/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '11', granted: true }] }, { cookie: v.cookie }));
      assert.equal(saved.status, 200);
      assert.equal(cookieOf(saved).id, v.id, 'a decision renews the same visitor’s cookie');
      const state = await api.call('/api/connect/state?issuer=468979834', { headers: { origin: ORIGIN, cookie: v.cookie } });
      const held = ((await state.json()) as Decisions).decisions.filter((d) => d.granted).map((d) => d.itemId).sort();
      assert.deepEqual(held, ['10', '11']);
      assert.deepEqual(await eventsOf(v.id), [[10, true], [11, true]]);
    });

    it('ignores a browser-sent subject in favour of the backend’s cookie; a forged cookie names nobody', async () => {
      const victim = await newVisitor(api.call, '12');
      const named = { id: victim.id, type: 'EXTERNAL' };
      // Another browser names the victim's id: it reads nothing of theirs and writes as itself.
      const read = await api.call(`/api/connect/state?issuer=468979834&subject=${victim.id}&subjectType=EXTERNAL`, { headers: { origin: ORIGIN } });
      assert.deepEqual(((await read.json()) as Decisions).decisions, []);
      const write = await api.call('/api/connect/decisions', post({ issuer: '468979834', subject: named, decisions: [{ itemId: '12', granted: false }] }));
      assert.equal(write.status, 200);
      const attacker = cookieOf(write);
      assert.match(attacker.id, /^[0-9a-f-]{36}$/);
      assert.notEqual(attacker.id, victim.id);
      assert.deepEqual(await eventsOf(attacker.id), [[12, false]], 'stored as the sender’s own visitor');
      // With its own cookie and the victim's id in the query: still its own.
      const mine = await api.call(`/api/connect/state?issuer=468979834&subject=${victim.id}`, { headers: { origin: ORIGIN, cookie: attacker.cookie } });
      assert.deepEqual(((await mine.json()) as Decisions).decisions.find((d) => d.itemId === '12'), { itemId: '12', granted: false });
      // A cookie with the victim's id and a made-up signature.
      const forged = await api.call('/api/connect/state?issuer=468979834', { headers: { origin: ORIGIN, cookie: `consent_visitor=${victim.id}.${'A'.repeat(43)}` } });
      assert.deepEqual(((await forged.json()) as Decisions).decisions, []);
      assert.deepEqual(await eventsOf(victim.id), [[12, true]], 'the victim’s decision stands');
    });

    it('writes one decision per item however often a body repeats it', async () => {
      const v = await newVisitor(api.call, '10');
      const decisions = [...Array.from({ length: 90 }, (_, i) => ({ itemId: '20', granted: i % 2 === 0 })), { itemId: '21', granted: true }];
      const r = await api.call('/api/connect/decisions', post({ issuer: '468979834', decisions }, { cookie: v.cookie }));
      assert.equal(r.status, 200);
      assert.deepEqual(await eventsOf(v.id), [[10, true], [20, false], [21, true]], 'the last answer for 20, once');
    });

    it('takes identity from the session only: a browser-sent uniqueId or CRM person is ignored', async () => {
      // The body names someone else; the session's reader (Kari, who has CO27409) is asked.
      const access = await api.call('/api/connect/access', post({ product: 'CO27409', uniqueId: 'someone-else', customerNumber: 1 }));
      assert.equal(((await access.json()) as { granted: boolean }).granted, true);
      // SuperOffice: the browser names person 30336; the session's person is 30337.
      const before = (await (await fetch(`${simUrl}/__sim/received?path=/superoffice/api/v1/Person/30337/Consent/STORE`)).json()) as { received: unknown[] };
      const r = await api.call('/api/superoffice/decisions', post({ subject: { id: '30336', type: 'PERSON' }, decisions: [{ itemId: 'STORE', granted: true }] }));
      assert.equal(r.status, 200);
      const afterSave = (await (await fetch(`${simUrl}/__sim/received?path=/superoffice/api/v1/Person/30337/Consent/STORE`)).json()) as { received: unknown[] };
      assert.equal(afterSave.received.length, before.received.length + 1, 'written for the session’s person');
    });

    it('passes every check-access field of the reference to the provider; IP is the client’s address', async () => {
      const { ip: _ip, uniqueId: _u, customerNumber: _c, credential: _cr, ...question } = connectAccessExampleRequest;
      const r = await api.call('/api/connect/access', post({ ...question, accessDomain: true, accessArticle: false, ipAccess: true, ip: '10.20.30.40' }));
      assert.equal(r.status, 200);
      const sent = ((await (await fetch(`${simUrl}/__sim/received?path=/capi/v1/client/customer/access`)).json()) as { received: { body: Record<string, unknown> }[] }).received.at(-1)!.body;
      for (const [k, v] of Object.entries(question)) assert.deepEqual(sent[k], v, k);
      assert.equal(sent.accessDomain, true);
      assert.equal(sent.uniqueId, kari.uniqueId, 'the session’s reader');
      // The address the backend saw, never the one in the body.
      assert.notEqual(sent.ip, '10.20.30.40');
      assert.match(String(sent.ip), rt.name.startsWith('fetch') ? /^203\.0\.113\.9$/ : /127\.0\.0\.1/);
    });

    it('maps a provider failure to the contract’s code, with the provider’s requestId', async () => {
      await fetch(`${simUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ fault: '500', path: '/capi/v1/client/customer/privacy/consentGroups', times: 1 }) });
      const r = await api.call('/api/connect/catalog?issuer=913456780', { headers: { origin: ORIGIN } });
      assert.equal(r.status, 502);
      const body = (await r.json()) as { code: string; message: string };
      assert.equal(body.code, 'http');
      assert.doesNotMatch(body.message, /capi|Bearer/);
      // CSP names its failed request (CspErrorResponse.requestId): passed on for its support.
      await fetch(`${simUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ fault: '500', path: '/csp/gateway/am/api/orgs', times: 1 }) });
      const csp = await api.call('/api/csp/access', post({ consent: 'any' }));
      assert.equal(csp.status, 502);
      assert.match(((await csp.json()) as { requestId?: string }).requestId ?? '', /^[0-9a-f]{16}$/);
    });

    it('rate-limits per client; behind a proxy per forwarded client (429 with Retry-After)', async () => {
      const limited = await rt.start(makeHandler([], { rateLimit: 2, trustProxy: true }));
      try {
        const via = (client: string) => limited.call('/api/connect/catalog?issuer=468979834', { headers: { origin: ORIGIN, 'x-forwarded-for': `198.51.100.200, ${client}` } });
        assert.equal((await via('192.0.2.1')).status, 200);
        assert.equal((await via('192.0.2.1')).status, 200);
        const third = await via('192.0.2.1');
        assert.equal(third.status, 429);
        assert.equal(third.headers.get('retry-after'), '60');
        assert.equal((await via('192.0.2.2')).status, 200, 'another visitor behind the same proxy has a budget of their own');
      } finally {
        await limited.stop();
      }
    });

    it('logs one line per request, without tokens, secrets, subjects or bodies', async () => {
      const v = await newVisitor(api.call, '11');
      const line = logs.at(-1)!;
      assert.deepEqual([line.method, line.route, line.provider, line.status], ['POST', '/connect/decisions', 'connect', 200]);
      assert.equal(typeof line.ms, 'number');
      const all = JSON.stringify(logs);
      for (const s of [secret, soAuth, visitorSecret, v.id, v.cookie.split('.')[1]!, kari.uniqueId, '30337']) assert.ok(!all.includes(s), `${s} in the logs`);
    });
  });
}

describe('consent handler: limits and identity rules', () => {
  it('lets a server process that imports it exit on its own (no handle kept open)', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('consent-elements/server');"], { cwd: pkg.dir, timeout: 30_000, encoding: 'utf8' });
    assert.equal(r.signal, null, 'killed after 30 s: something keeps the process alive');
    assert.equal(r.status, 0, r.stderr);
  });

  it('rate-limits per client; behind a proxy (trustProxy) per forwarded client', async () => {
    const logs: RequestLog[] = [];
    const direct = makeHandler(logs, { rateLimit: 2 });
    const ask = (h: ConsentHandler, headers: Record<string, string> = {}, from = '198.51.100.1') =>
      h(new Request('http://b.test/api/connect/catalog?issuer=468979834', { headers: { origin: ORIGIN, ...headers } }), { clientAddress: from });
    assert.equal((await ask(direct)).status, 200);
    assert.equal((await ask(direct)).status, 200);
    const third = await ask(direct);
    assert.equal(third.status, 429);
    assert.equal(third.headers.get('retry-after'), '60');
    assert.equal((await ask(direct, {}, '198.51.100.2')).status, 200, 'another client has its own budget');

    // Behind a proxy every request comes from the proxy's address: the forwarded client counts.
    const proxied = makeHandler(logs, { rateLimit: 2, trustProxy: true });
    const via = (client: string) => ask(proxied, { 'x-forwarded-for': `${client}` }, '10.0.0.1');
    assert.equal((await via('192.0.2.1')).status, 200);
    assert.equal((await via('192.0.2.1')).status, 200);
    assert.equal((await via('192.0.2.1')).status, 429);
    assert.equal((await via('192.0.2.2')).status, 200, 'another visitor behind the same proxy');
  });

  it('instances sharing one store (unstorage) share rate limits and cached catalogs', async () => {
    const store = unstorageStore(createStorage());
    const [a, b] = [makeHandler([], { rateLimit: 3, store, catalogTtl: 60_000 }), makeHandler([], { rateLimit: 3, store, catalogTtl: 60_000 })];
    const issuer = '913456780';
    const ask = (h: ConsentHandler) => h(new Request(`http://b.test/api/connect/catalog?issuer=${issuer}`, { headers: { origin: ORIGIN } }), { clientAddress: '198.51.100.77' });
    const calls = async () => ((await (await fetch(`${simUrl}/__sim/faults`)).json()) as { faults: { times: number }[] }).faults[0]?.times;
    // Count the provider's group reads by a long fault that only delays them.
    await fetch(`${simUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ fault: 'latency', ms: 1, path: `/capi/v1/client/customer/privacy/consentGroups/${issuer}`, times: 100 }) });
    assert.equal((await ask(a)).status, 200);
    assert.equal((await ask(b)).status, 200, 'the other instance');
    assert.equal(await calls(), 99, 'one provider read: the second instance took the catalog from the store');
    assert.equal((await ask(a)).status, 200);
    assert.equal((await ask(b)).status, 429, 'the fourth request of this client, counted across both instances');
    await fetch(`${simUrl}/__sim/faults`, { method: 'DELETE' });
  });

  it('instances sharing idempotency records (sharedKeyStore on unstorage) store a repeated save once, for one visitor', async () => {
    const keys = sharedKeyStore(unstorageStore(createStorage()));
    const [a, b] = [makeHandler([], { keys }), makeHandler([], { keys })];
    const key = crypto.randomUUID();
    // A new visitor's first save, repeated at another instance (its answer, with the cookie, was lost).
    const save = (h: ConsentHandler) => h(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '12', granted: true }] }, { 'idempotency-key': key })));
    const [one, two] = [await save(a), await save(b)];
    assert.equal(two.status, 200);
    assert.equal(cookieOf(two).id, cookieOf(one).id, 'the same visitor');
    assert.deepEqual(await two.json(), await one.json(), 'the other instance answers with the first receipts');
    assert.deepEqual(await eventsOf(cookieOf(one).id), [[12, true]], 'stored once');
  });

  it('refuses a SuperOffice request without identity.subjectFor: a browser cannot name a CRM person', async () => {
    const h = makeHandler([], { signedIn: false });
    const r = await h(new Request('http://b.test/api/superoffice/state?subject=30336&subjectType=PERSON', { headers: { origin: ORIGIN } }));
    assert.equal(r.status, 401);
    assert.match(((await r.json()) as { message: string }).message, /subjectFor/);
    const access = await h(new Request('http://b.test/api/connect/access', post({ product: 'CO27409', uniqueId: kari.uniqueId })));
    assert.equal(access.status, 401, 'no session reader: an entitlement check is refused');
  });

  it('keeps the visitor of a save repeated without its cookie (its answer was lost): the first attempt’s', async () => {
    const h = makeHandler([]);
    const key = crypto.randomUUID();
    const save = () => h(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '10', granted: true }] }, { 'idempotency-key': key })));
    const [first, again] = [cookieOf(await save()), cookieOf(await save())];
    assert.match(first.id, /^[0-9a-f-]{36}$/);
    assert.equal(again.id, first.id);
    assert.deepEqual(await eventsOf(first.id), [[10, true]], 'stored once, for that visitor');
  });

  it('makes one visitor of the saves that carry one claim, without a cookie (two tabs at once; a first answer lost), until the claim is a day old', async () => {
    const h = makeHandler([]);
    const claim = `${Date.now()}.${crypto.randomUUID()}`;
    const save = (itemId: string, c: string) =>
      h(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId, granted: true }] }, { 'idempotency-key': crypto.randomUUID(), 'consent-visitor-claim': c })));
    const [a, b] = (await Promise.all([save('10', claim), save('11', claim)])).map(cookieOf);
    assert.match(a!.id, /^[0-9a-f-]{36}$/);
    assert.equal(b!.id, a!.id, 'the same visitor');
    assert.deepEqual((await eventsOf(a!.id)).sort(), [[10, true], [11, true]], 'both saves are theirs');
    const other = cookieOf(await save('10', `${Date.now()}.${crypto.randomUUID()}`));
    assert.notEqual(other.id, a!.id, 'another claim: another visitor');
    const stale = `${Date.now() - 25 * 3_600_000}.${crypto.randomUUID()}`;
    const [x, y] = [cookieOf(await save('10', stale)), cookieOf(await save('11', stale))];
    assert.notEqual(x.id, y.id, 'a claim older than a day names nobody: each save is its own');
    const odd = cookieOf(await save('10', 'not-a-claim'));
    assert.match(odd.id, /^[0-9a-f-]{36}$/, 'an unreadable claim is ignored');
  });

  it('signs with the first secret and accepts the others (rotation); Secure behind a TLS proxy', async () => {
    const old = makeHandler([], { secrets: [visitorSecret] });
    const v = cookieOf(await old(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '10', granted: true }] }))));
    const rotated = makeHandler([], { secrets: [`new-${crypto.randomUUID()}`, visitorSecret], trustProxy: true });
    const r = await rotated(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '11', granted: true }] }, { cookie: v.cookie, 'x-forwarded-proto': 'https' })));
    const renewed = cookieOf(r);
    assert.equal(renewed.id, v.id, 'the same visitor');
    assert.notEqual(renewed.cookie, v.cookie, 'signed with the new secret');
    assert.match(renewed.set, /; Secure/);
    const oldOnly = await old(new Request('http://b.test/api/connect/state?issuer=468979834', { headers: { origin: ORIGIN, cookie: renewed.cookie } }));
    assert.deepEqual(((await oldOnly.json()) as Decisions).decisions, [], 'a secret it does not know: nobody it knows');
  });

  it('tells a developer what is wrong: no provider, no visitor secret, an unknown provider path', async () => {
    assert.throws(() => createConsentHandler({ base: '/api', allowedOrigins: [] }), /at least one provider/);
    const connect = new ConnectTransport({ endpoint: `${simUrl}/capi`, mode: 'client', getToken: () => 't' });
    assert.throws(() => createConsentHandler({ base: '/api', allowedOrigins: [ORIGIN], connect }), /visitor: \{ secret \}.*VISITOR_SECRET/);
    assert.throws(() => createConsentHandler({ base: '/api', allowedOrigins: [ORIGIN], connect, visitor: { secret: 'short' } }), /32 or more/);
    const r = await makeHandler([])(new Request('http://b.test/api/consentua/catalog', { headers: { origin: ORIGIN } }));
    assert.equal(r.status, 404);
    assert.match(((await r.json()) as { message: string }).message, /consentua.*served: connect, superoffice, csp/);
  });
});

describe('preloadScript: the first answers put into the page', () => {
  /** The answers a preload script holds. */
  const answersOf = (script: string) => {
    const m = /^<script type="application\/json" data-consent-preload>(.*)<\/script>$/s.exec(script);
    assert.ok(m, script);
    return JSON.parse(m[1]!) as { url: string; body?: object; answer: unknown }[];
  };

  it('answers as the backend does for the page request\'s visitor: catalog, state from the visitor cookie, an access question', async () => {
    const h = makeHandler([]);
    const saved = await h(new Request('http://b.test/api/connect/decisions', post({ issuer: '468979834', decisions: [{ itemId: '11', granted: true }] })));
    const { cookie } = cookieOf(saved);
    // The page of an allowed origin (an access question is a POST, which only such a page may send).
    const page = new Request(`${ORIGIN}/article`, { headers: { cookie, accept: 'text/html' } });
    const questions = ['/api/connect/catalog?issuer=468979834&onlyActive=true', '/api/connect/state?issuer=468979834', { url: '/api/connect/access', body: { product: 'CO27409' } }];
    const answers = answersOf(await preloadScript(h, page, questions));
    const direct = async (path: string, init: RequestInit = {}) => (await h(new Request(`http://b.test${path}`, { ...init, headers: { cookie, origin: ORIGIN, ...init.headers } }))).json();
    assert.deepEqual(answers.map((a) => a.url), questions.map((q) => (typeof q === 'string' ? q : q.url)));
    assert.deepEqual(answers[0]!.answer, await direct(questions[0] as string));
    assert.deepEqual(answers[1]!.answer, await direct('/api/connect/state?issuer=468979834'));
    assert.deepEqual((answers[1]!.answer as { decisions: { itemId: string; granted: boolean }[] }).decisions.map((d) => [d.itemId, d.granted]), [['11', true]], 'the visitor of the cookie');
    assert.deepEqual(answers[2], { url: '/api/connect/access', body: { product: 'CO27409' }, answer: await direct('/api/connect/access', post({ product: 'CO27409' })) });
    // A new visitor (no cookie) has decided nothing.
    const fresh = answersOf(await preloadScript(h, new Request('http://b.test/article'), ['/api/connect/state?issuer=468979834']));
    assert.deepEqual(fresh[0]!.answer, { decisions: [] });
  });

  it('leaves out what failed, refuses what is not a first read, and keeps hostile text inside the script', async () => {
    const h = makeHandler([], { signedIn: false });
    // SuperOffice needs the host's session: refused here, so left out (the page asks itself).
    const script = await preloadScript(h, new Request('http://b.test/'), ['/api/superoffice/state', '/api/csp/catalog']);
    assert.deepEqual(answersOf(script).map((a) => a.url), ['/api/csp/catalog']);
    await assert.rejects(preloadScript(h, new Request('http://b.test/'), ['/api/connect/decisions']), /not a catalog or state read/);
    await assert.rejects(preloadScript(h, new Request('http://b.test/'), ['/elsewhere/catalog']), /not a catalog or state read/);
    // A provider text that closes the script element stays JSON text.
    const hostile = { source: 'x', groups: [{ id: 'g', texts: [{ lang: 'en', title: '</script><script>alert(1)</script><!--' }], items: [] }] };
    const fake = Object.assign(async () => new Response(JSON.stringify(hostile), { headers: { 'content-type': 'application/json' } }), { handles: () => true });
    const out = await preloadScript(fake, new Request('http://b.test/'), ['/api/x/catalog']);
    assert.equal(out.match(/<\/script/gi)?.length, 1, out);
    assert.doesNotMatch(out, /<!--/);
    assert.deepEqual(answersOf(out)[0]!.answer, hostile);
  });
});

describe('consent-elements-server (the package’s bin)', () => {
  it('prints its help', () => {
    const r = spawnSync(pkg.bin('consent-elements-server'), ['--help'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ALLOWED_ORIGINS/);
    assert.match(r.stdout, /VISITOR_SECRET/);
    assert.match(r.stdout, /PROVIDER_URL PROVIDER_TOKEN_URL CONNECT_CLIENT_ID CONNECT_CLIENT_SECRET/);
  });

  it('says exactly what is missing', () => {
    const r = spawnSync(pkg.bin('consent-elements-server'), [], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, ALLOWED_ORIGINS: ORIGIN, PROVIDER_URL: `${simUrl}/capi` } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Missing environment variables: PROVIDER_TOKEN_URL, CONNECT_CLIENT_ID, CONNECT_CLIENT_SECRET\./);
  });

  it('serves the contract from the environment, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const child = spawn(pkg.bin('consent-elements-server'), ['--port', '0'], {
      env: {
        PATH: process.env.PATH,
        ALLOWED_ORIGINS: ORIGIN,
        PROVIDER_URL: `${simUrl}/capi`,
        PROVIDER_TOKEN_URL: `${simUrl}/user/oauth/token`,
        CONNECT_CLIENT_ID: 'c1',
        CONNECT_CLIENT_SECRET: secret,
        VISITOR_SECRET: visitorSecret,
      },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /"listening":"([^"]+)"/.exec(out);
          if (m) (clearTimeout(t), resolve(m[1]!));
        });
      });
      assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok', providers: ['connect'] });
      const r = await fetch(`${url}/api/consent/catalog?issuer=468979834`, { headers: { origin: ORIGIN } });
      assert.equal(r.status, 200);
      assert.ok(!out.includes(secret), 'the secret in its output');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    // One JSON line per request.
    assert.ok(out.split('\n').some((l) => l.includes('"route":"/catalog"') && l.includes('"status":200')), out);
  });
});
