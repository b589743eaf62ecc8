// The model checks (host contract, kept catalogs): what they accept, keep, drop and say.
import { expect } from '@open-wc/testing';
import { consentCatalog } from '../../src/transports/core/schemas.js';
import { saveBody, stateResponse } from '../../src/transports/host/contract.js';
import { createHttp } from '../../src/transports/core/http.js';
import { failure } from '../helpers.js';

const catalog = {
  source: 'connect:1',
  groups: [
    {
      id: '10',
      order: 1,
      active: true,
      texts: [{ lang: 'en', title: 'News' }],
      items: [{ id: '1', order: 1, active: true, ref: { consentId: 1 }, texts: [], children: [{ id: '2', order: 1, active: true, ref: {}, texts: [] }] }],
      display: 'binary',
    },
  ],
};

describe('model checks', () => {
  it('accept a catalog with nested items, keep ref as sent and drop unknown keys', () => {
    const r = consentCatalog.safeParse({ ...catalog, extra: 'dropped' });
    expect(r.success).to.equal(true);
    if (!r.success) return;
    expect(r.data).to.not.have.property('extra');
    expect(r.data.groups[0]!.items[0]!.ref).to.deep.equal({ consentId: 1 });
    expect(r.data.groups[0]!.items[0]!.children![0]!.id).to.equal('2');
    expect(r.data).to.deep.equal(catalog);
  });

  it('name the path of the first wrong field, nested items too', () => {
    const wrong = structuredClone(catalog) as any;
    wrong.groups[0].items[0].children[0].active = 'yes';
    const r = consentCatalog.safeParse(wrong);
    expect(r.success).to.equal(false);
    if (r.success) return;
    expect(r.error.issues[0]!.path).to.deep.equal(['groups', 0, 'items', 0, 'children', 0, 'active']);
    expect(r.error.issues[0]!.message).to.equal('Invalid input: expected boolean, received string');
    const display = consentCatalog.safeParse({ ...catalog, groups: [{ ...catalog.groups[0], display: 'grid' }] });
    expect(display.success).to.equal(false);
    expect(consentCatalog.safeParse(null).success).to.equal(false);
    expect(consentCatalog.safeParse({ ...catalog, groups: {} }).success).to.equal(false);
  });

  it('enforce the contract limits: lengths, counts, integers', () => {
    const ok = { decisions: [{ itemId: '1', granted: true }], eventTime: 1, subject: { id: 'v', type: 'visitor' } };
    expect(saveBody.safeParse(ok).success).to.equal(true);
    expect(saveBody.safeParse({ ...ok, decisions: [] }).success).to.equal(false);
    expect(saveBody.safeParse({ ...ok, decisions: Array.from({ length: 501 }, (_, i) => ({ itemId: String(i), granted: true })) }).success).to.equal(false);
    expect(saveBody.safeParse({ ...ok, eventTime: 1.5 }).success).to.equal(false);
    expect(saveBody.safeParse({ ...ok, subject: { id: 'x'.repeat(256), type: 'visitor' } }).success).to.equal(false);
    expect(saveBody.safeParse({ ...ok, decisions: [{ itemId: '', granted: true }] }).success).to.equal(false);
  });

  it('are what the http core checks a body with: a wrong body is invalid-response naming the field', async () => {
    const http = createHttp({ baseUrl: 'https://host.test/api/', retries: 0, fetch: (async () => Response.json({ decisions: [{ itemId: 1, granted: true }] })) as typeof fetch });
    const e = await failure(http.get('state', stateResponse));
    expect(e.code).to.equal('invalid-response');
    expect(e.message).to.equal('decisions[0].itemId: Invalid input: expected string, received number');
  });
});

describe('http core', () => {
  it('retries a read after a dropped connection and a 503, and stops waiting when aborted', async () => {
    let calls = 0;
    const flaky = (async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) return new Response('busy', { status: 503 });
      return Response.json({ decisions: [] });
    }) as typeof fetch;
    const http = createHttp({ baseUrl: 'https://host.test/api/', fetch: flaky });
    expect(await http.get('state', stateResponse)).to.deep.equal({ decisions: [] });
    expect(calls).to.equal(3);

    const down = createHttp({ baseUrl: 'https://host.test/api/', retries: 5, fetch: (async () => new Response('', { status: 500 })) as typeof fetch });
    const stop = new AbortController();
    const pending = down.get('state', stateResponse, { signal: stop.signal }).catch((e: unknown) => e);
    setTimeout(() => stop.abort(), 50);
    expect((await pending as Error).name).to.equal('AbortError');
  });
});
