import { expect } from '@open-wc/testing';
import type { HostTransport as Host } from '../../src/transports/host/host.js';

// The first save of a device goes alone (its answer carries the new visitor's cookie). Which save
// is first is kept per page, so each test loads the transport's module afresh.
let fresh = 0;
async function freshHost(endpoint: string, fetch: typeof globalThis.fetch): Promise<Host> {
  const m = (await import(`../../src/transports/host/host.ts?fresh=${++fresh}`)) as typeof import('../../src/transports/host/host.js');
  return new m.HostTransport({ endpoint, fetch });
}

/** A backend whose answers the test releases one by one. */
function heldBackend() {
  const sent: string[] = [];
  const answers: (() => void)[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    sent.push(String(init.body));
    await new Promise<void>((resolve) => answers.push(resolve));
    return Response.json({ receipts: [] });
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch, answer: () => answers.shift()?.() };
}

const save = (t: Host, itemId: string) =>
  t.saveDecisions({ issuer: '1', subject: { id: 's', type: 'EXTERNAL' }, catalog: { source: 'host', groups: [] }, decisions: [{ itemId, granted: true }] });
const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok(), what).to.equal(true);
};

describe('host transport: a new visitor’s first save', () => {
  let endpoint = '';
  /** The claim a tab's first save to this endpoint leaves in localStorage until its answer. */
  let claim = '';
  beforeEach(() => {
    endpoint = `https://backend.example/${crypto.randomUUID()}/`;
    claim = `consent-elements:first-save:${endpoint}decisions`;
  });

  it('is sent at once, and the page’s other saves wait for its answer', async () => {
    const backend = heldBackend();
    const t = await freshHost(endpoint, backend.fetch);
    const first = save(t, 'a');
    const second = save(t, 'b');
    await until(() => backend.sent.length === 1, 'the first save is sent');
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.sent.length, 'the second waits for the answer to the first').to.equal(1);
    backend.answer();
    await first;
    await until(() => backend.sent.length === 2, 'then the second is sent');
    backend.answer();
    await second;
  });

  it('waits while another tab’s first save is unanswered, then is sent', async () => {
    const backend = heldBackend();
    const t = await freshHost(endpoint, backend.fetch);
    // Another tab's first save is on its way.
    localStorage.setItem(claim, String(Date.now()));
    const mine = save(t, 'a');
    await new Promise((r) => setTimeout(r, 400));
    expect(backend.sent, 'nothing sent while the other tab waits for its answer').to.deep.equal([]);
    // The other tab was answered: the visitor has their cookie.
    localStorage.removeItem(claim);
    await until(() => backend.sent.length === 1, 'sent once the other tab was answered');
    backend.answer();
    await mine;
  });

  it('does not wait for a claim of a tab that left long ago', async () => {
    const backend = heldBackend();
    const t = await freshHost(endpoint, backend.fetch);
    localStorage.setItem(claim, String(Date.now() - 60_000));
    const mine = save(t, 'a');
    await until(() => backend.sent.length === 1, 'sent at once');
    expect(Number(localStorage.getItem(claim)), 'claimed afresh for this tab').to.be.greaterThan(Date.now() - 10_000);
    backend.answer();
    await mine;
    expect(localStorage.getItem(claim), 'the claim is over with the answer').to.equal(null);
  });
});
