import { expect } from '@open-wc/testing';
import { HostTransport } from '../../src/transports/host/host.js';

// A new visitor's saves carry one claim, in every tab, until a save is answered: the backend makes
// one visitor of it, so saves sent before the visitor cookie reaches the browser are that visitor's.
const CLAIM = 'consent-elements:visitor-claim';

/** A backend whose answers the test releases one by one; it keeps each save's claim header. */
function heldBackend() {
  const claims: (string | null)[] = [];
  const answers: ((ok: boolean) => void)[] = [];
  const fetch = (async (_url: URL, init: RequestInit) => {
    claims.push(new Headers(init.headers).get('consent-visitor-claim'));
    const ok = await new Promise<boolean>((resolve) => answers.push(resolve));
    return ok ? Response.json({ receipts: [] }) : Response.json({ code: 'http', message: 'down' }, { status: 502 });
  }) as unknown as typeof globalThis.fetch;
  return { claims, fetch, answer: (ok = true) => answers.shift()?.(ok) };
}

const host = (fetch: typeof globalThis.fetch) => new HostTransport({ endpoint: 'https://backend.example/api/consent/', fetch });
const save = (t: HostTransport, itemId: string) =>
  t.saveDecisions({ issuer: '1', catalog: { source: 'host', groups: [] }, decisions: [{ itemId, granted: true }], idempotencyKey: crypto.randomUUID() });
const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok(), what).to.equal(true);
};

describe('host transport: the visitor claim', () => {
  beforeEach(() => localStorage.removeItem(CLAIM));
  after(() => localStorage.removeItem(CLAIM));

  it('goes with every save until one is answered, without holding any back; then a new one', async () => {
    const backend = heldBackend();
    const [a, b] = [host(backend.fetch), host(backend.fetch)];
    const first = save(a, 'x');
    // Another tab (another transport, the same localStorage) saves before the first is answered.
    const second = save(b, 'y');
    await until(() => backend.claims.length === 2, 'both saves are sent at once');
    expect(backend.claims[0], 'a time and a random id').to.match(/^\d{13}\.[0-9a-f-]{36}$/);
    expect(backend.claims[1], 'the same claim').to.equal(backend.claims[0]);
    backend.answer(false);
    await first.catch(() => undefined);
    expect(localStorage.getItem(CLAIM), 'a refused save keeps it: its cookie may not have come').to.equal(backend.claims[0]);
    backend.answer();
    await second;
    expect(localStorage.getItem(CLAIM), 'answered: the cookie names the visitor now').to.equal(null);
    const later = save(a, 'z');
    await until(() => backend.claims.length === 3, 'a later save is sent');
    expect(backend.claims[2]).to.match(/^\d{13}\.[0-9a-f-]{36}$/);
    expect(backend.claims[2]).to.not.equal(backend.claims[0]);
    backend.answer();
    await later;
  });

  it('takes a claim another tab left, and replaces one older than 12 hours', async () => {
    const backend = heldBackend();
    const t = host(backend.fetch);
    const theirs = `${Date.now() - 60_000}.${crypto.randomUUID()}`;
    localStorage.setItem(CLAIM, theirs);
    const one = save(t, 'x');
    await until(() => backend.claims.length === 1, 'sent');
    expect(backend.claims[0]).to.equal(theirs);
    const old = `${Date.now() - 13 * 3_600_000}.${crypto.randomUUID()}`;
    localStorage.setItem(CLAIM, old);
    const two = save(t, 'y');
    await until(() => backend.claims.length === 2, 'sent');
    expect(backend.claims[1], 'a new claim').to.not.equal(old);
    expect(Number(backend.claims[1]!.split('.')[0])).to.be.greaterThan(Date.now() - 10_000);
    backend.answer(false);
    backend.answer(false);
    await Promise.allSettled([one, two]);
  });
});
