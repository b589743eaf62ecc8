import { expect } from '@open-wc/testing';
import { ConsentError } from '../../src/model/errors.js';
import { flattenItems } from '../../src/model/tree.js';
import { connectCatalog, connectConsentsSchema, connectGroupsSchema, connectTextHistorySchema, ConnectTransport, type ConnectOptions } from '../../src/transports/connect/connect.js';
import { transportFor } from '../../src/transports/core/registry.js';
import { capi, clearFaults, clientToken, eventsFor, newSubject, NORDLYS, queueFault, userToken, failure } from '../helpers.js';

const client = async (o: Partial<ConnectOptions> = {}) => {
  const token = await clientToken();
  return new ConnectTransport({ endpoint: capi(), mode: 'client', getToken: () => token, retries: 0, ...o });
};
const withFault = (fault: string, o: Partial<ConnectOptions> = {}) => client({ headers: { 'x-sim-fault': fault }, ...o });

describe('connect transport against the simulator', () => {
  afterEach(() => clearFaults());

  it('loads groups in selectionOrder with consents nested by parentConsentId', async () => {
    const catalog = await (await client()).loadCatalog({ issuer: NORDLYS });
    expect(catalog.source).to.equal(`connect:${NORDLYS}`);
    // group ids in the simulator: 2 (order 1), 1 (2), 4 (3), 3 (4), 6 (6); 5 is inactive
    expect(catalog.groups.map((g) => g.id)).to.deep.equal(['2', '1', '4', '3', '6']);
    const digital = catalog.groups[1]!;
    expect(digital.items.map((i) => i.id)).to.deep.equal(['5', '1']);
    expect(digital.items[1]!.children!.map((i) => i.id)).to.deep.equal(['2', '3', '4']);
    expect(digital.items[1]!.ref).to.include({ consentId: 1, target: 'editoral', scope: 'email' });
    // The reference's example group: English and Norwegian.
    expect(digital.texts.map((t) => t.lang)).to.deep.equal(['en-GB', 'nb-NO']);
    const partners = catalog.groups[4]!;
    expect(flattenItems(partners.items).map((i) => i.id)).to.deep.equal(['50'], 'inactive consent 51 left out');
  });

  it('includes inactive groups and consents when onlyActive is false', async () => {
    const catalog = await (await client()).loadCatalog({ issuer: NORDLYS, onlyActive: false });
    const retired = catalog.groups.find((g) => g.id === '5')!;
    expect(retired.active).to.equal(false);
    expect(catalog.groups.find((g) => g.id === '6')!.items.map((i) => [i.id, i.active])).to.deep.equal([
      ['50', true],
      ['51', false],
    ]);
  });

  it('loads the catalog in user mode with the visitor token', async () => {
    const token = await userToken(newSubject());
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token });
    expect((await t.loadCatalog({ issuer: NORDLYS })).groups).to.have.length(5);
  });

  it('saves one event per decision and reads them back as the current state', async () => {
    const t = await client();
    const subject = { id: newSubject(), type: 'EXTERNAL' };
    const catalog = await t.loadCatalog({ issuer: NORDLYS });
    expect(await t.loadState({ issuer: NORDLYS, subject })).to.deep.equal([]);
    const receipts = await t.saveDecisions({
      issuer: NORDLYS,
      subject,
      source: 'Test',
      catalog,
      decisions: [
        { itemId: '10', granted: true },
        { itemId: '11', granted: false },
      ],
    });
    expect(receipts.map((r) => [r.itemId, r.granted])).to.deep.equal([
      ['10', true],
      ['11', false],
    ]);
    const events = await eventsFor(subject.id);
    expect(events.map((e) => [e.consentId, e.action, e.source])).to.deep.equal([
      [10, true, 'Test'],
      [11, false, 'Test'],
    ]);
    // The newest event wins.
    await t.saveDecisions({ issuer: NORDLYS, subject, catalog, decisions: [{ itemId: '10', granted: false }] });
    const state = await t.loadState({ issuer: NORDLYS, subject });
    expect(Object.fromEntries(state.map((d) => [d.itemId, d.granted]))).to.deep.equal({ '10': false, '11': false });
  });

  it('reports the cascade to child consents (childEvents as object or array)', async () => {
    const t = await client();
    const subject = { id: newSubject(), type: 'EXTERNAL' };
    const catalog = await t.loadCatalog({ issuer: NORDLYS });
    const [r] = await t.saveDecisions({ issuer: NORDLYS, subject, catalog, decisions: [{ itemId: '1', granted: true }] });
    expect(r!.cascaded).to.deep.equal([
      { itemId: '2', granted: true },
      { itemId: '3', granted: true },
      { itemId: '4', granted: true },
    ]);
    const state = await t.loadState({ issuer: NORDLYS, subject });
    expect(state.filter((d) => d.granted).map((d) => d.itemId).sort()).to.deep.equal(['1', '2', '3', '4']);
  });

  it('names the consent wording in force per language (List consent text history): its id and version', async () => {
    const catalog = await (await client()).loadCatalog({ issuer: NORDLYS });
    const one = flattenItems(catalog.groups.flatMap((g) => g.items)).find((i) => i.id === '1')!;
    const byLang = Object.fromEntries(one.texts.map((t) => [t.lang, t]));
    expect(byLang['en-GB']).to.deep.include({ title: 'Newsletters by email', description: 'Do you agree to receive our newsletters by email?', id: '2', version: '3' });
    expect(byLang['nb-NO']).to.deep.include({ description: 'Samtykker du til å motta nyhetsbrevene våre på e-post?', id: '1', version: '5' });
    expect(byLang['sv-SE']!.id, 'no Swedish wording kept').to.equal(undefined);
  });

  it('takes the window in force at the time: the reference example’s wording of mid-2019', () => {
    const reference = {
      issuer: '468979834',
      consents: [{ consentId: 1, consentGroupId: 1, target: 'editoral', scope: 'email', texts: [{ consentTextId: 1, languageCode: 'nb_NO', textHistory: [
        { consentTextHistoryId: 1, text: 'Samtykker du til å motta eposter?', fromDate: 1559386588000, toDate: 1561892188000 },
        { consentTextHistoryId: 2, text: 'Samtykker du til å motta epostmeldinger?', fromDate: 1561986769000, toDate: 1593609208000 },
      ] }] }],
    };
    const wording = connectTextHistorySchema.parse(reference);
    const groups = { groups: [{ consentGroupId: 1, texts: [], active: true }] };
    const consents = { consents: [{ consentId: 1, consentGroupId: 1, texts: [{ languageCode: 'nb_NO', name: 'E-post' }], active: true }] };
    const at = (now: number) => connectCatalog('468979834', connectGroupsSchema.parse(groups), connectConsentsSchema.parse(consents), wording, now).groups[0]!.items[0]!.texts[0]!;
    expect(at(1560000000000)).to.deep.include({ description: 'Samtykker du til å motta eposter?', id: '1', version: '1' });
    expect(at(1561900000000).id, 'between two windows: none in force').to.equal(undefined);
    expect(at(Date.now()).id, 'both windows ended').to.equal(undefined);
  });

  it('maps a refused connection to network', async () => {
    const e = await failure(new ConnectTransport({ endpoint: 'http://127.0.0.1:9/capi', retries: 0 }).loadCatalog({ issuer: NORDLYS }));
    expect(e.code).to.equal('network');
    expect(e.retryable).to.equal(true);
  });

  it('maps a dropped connection to network', async () => {
    expect((await failure((await withFault('drop')).loadCatalog({ issuer: NORDLYS }))).code).to.equal('network');
  });

  it('maps latency beyond the timeout to timeout', async () => {
    const e = await failure((await withFault('latency=3000', { timeout: 300 })).loadCatalog({ issuer: NORDLYS }));
    expect(e.code).to.equal('timeout');
    expect(e.retryable).to.equal(true);
  });

  it('maps 500 to http with the status', async () => {
    const e = await failure((await withFault('500')).loadCatalog({ issuer: NORDLYS }));
    expect([e.code, e.status, e.retryable]).to.deep.equal(['http', 500, true]);
    expect(e.message).to.contain('Simulated server error');
  });

  it('maps 400 to a final http error', async () => {
    const t = await client();
    const catalog = await t.loadCatalog({ issuer: NORDLYS });
    catalog.groups[0]!.items[0]!.ref.consentId = 99999;
    const e = await failure(t.saveDecisions({ issuer: NORDLYS, subject: { id: newSubject(), type: 'EXTERNAL' }, catalog, decisions: [{ itemId: '10', granted: true }] }));
    expect([e.code, e.status, e.retryable]).to.deep.equal(['http', 400, false]);
    expect(e.message).to.contain('Unknown consentId 99999');
  });

  it('maps a missing token to unauthorized', async () => {
    const e = await failure(new ConnectTransport({ endpoint: capi(), mode: 'client' }).loadCatalog({ issuer: NORDLYS }));
    expect([e.code, e.status]).to.deep.equal(['unauthorized', 401]);
  });

  it('maps a 401 (expired token) to unauthorized', async () => {
    const e = await failure((await withFault('401')).loadCatalog({ issuer: NORDLYS }));
    expect([e.code, e.status, e.retryable]).to.deep.equal(['unauthorized', 401, false]);
  });

  it('refreshes the token once on 401 and goes on', async () => {
    let refreshed = 0;
    const good = await clientToken();
    let token = 'expired-token';
    const t = new ConnectTransport({ endpoint: capi(), mode: 'client', getToken: () => token, refreshToken: () => { refreshed++; token = good; } });
    expect((await t.loadCatalog({ issuer: NORDLYS })).groups).to.have.length(5);
    expect(refreshed).to.be.greaterThan(0);
  });

  it('maps 429 to rate-limited with Retry-After', async () => {
    const e = await failure((await withFault('429=2000')).loadCatalog({ issuer: NORDLYS }));
    expect([e.code, e.status, e.retryAfter, e.retryable]).to.deep.equal(['rate-limited', 429, 2, true]);
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    await queueFault('429', { path: `/capi/v1/client/customer/privacy/consentGroups/${NORDLYS}`, ms: 1000 });
    const t = await client({ retries: 2 });
    const started = performance.now();
    expect((await t.loadCatalog({ issuer: NORDLYS })).groups).to.have.length(5);
    expect(performance.now() - started).to.be.greaterThan(900);
  });

  it('retries a write only after 429, never after 500', async () => {
    const t = await client({ retries: 2 });
    const subject = { id: newSubject(), type: 'EXTERNAL' };
    const catalog = await t.loadCatalog({ issuer: NORDLYS });
    await queueFault('429', { path: '/capi/v1/client/customer/privacy/consentEvent', ms: 0 });
    await t.saveDecisions({ issuer: NORDLYS, subject, catalog, decisions: [{ itemId: '12', granted: true }] });
    expect((await eventsFor(subject.id)).length).to.equal(1);
    await queueFault('500', { path: '/capi/v1/client/customer/privacy/consentEvent', times: 2 });
    const e = await failure(t.saveDecisions({ issuer: NORDLYS, subject, catalog, decisions: [{ itemId: '12', granted: false }] }));
    expect(e.status).to.equal(500);
    await clearFaults();
    expect((await eventsFor(subject.id)).length).to.equal(1);
  });

  it('keeps the receipts of a batch that failed half way', async () => {
    const t = await client();
    const subject = { id: newSubject(), type: 'EXTERNAL' };
    const catalog = await t.loadCatalog({ issuer: NORDLYS });
    const spoiled = structuredClone(catalog);
    spoiled.groups[0]!.items[1]!.ref.consentId = 424242; // item 11 now points nowhere
    const e = await failure(
      t.saveDecisions({ issuer: NORDLYS, subject, catalog: spoiled, decisions: [{ itemId: '10', granted: true }, { itemId: '11', granted: true }] }),
    );
    expect(e.receipts?.map((r) => r.itemId)).to.deep.equal(['10']);
  });

  it('maps malformed JSON to invalid-response', async () => {
    const e = await failure((await withFault('malformed')).loadCatalog({ issuer: NORDLYS }));
    expect(e.code).to.equal('invalid-response');
    expect(e.message).to.contain('Expected JSON');
  });

  it('maps a 200 HTML page to invalid-response', async () => {
    const e = await failure((await withFault('html')).loadCatalog({ issuer: NORDLYS }));
    expect(e.code).to.equal('invalid-response');
    expect(e.message).to.contain('text/html');
  });

  it('names the bad field when the JSON has the wrong shape', async () => {
    // A bad groups answer, a good consents answer: the error must name the bad field.
    const fake = (async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      const body = url.includes('/consentGroups/')
        ? { issuer: NORDLYS, groups: [{ consentGroupId: 'one', texts: [] }] }
        : { issuer: NORDLYS, consents: [] };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const t = new ConnectTransport({ endpoint: capi(), fetch: fake, retries: 0 });
    const e = await failure(t.loadCatalog({ issuer: NORDLYS }));
    expect(e.code).to.equal('invalid-response');
    expect(e.message).to.match(/^groups\[0\]\.consentGroupId: /);
  });

  it('reports config errors before any request', async () => {
    expect((await failure((await client()).loadCatalog({}))).code).to.equal('config');
    expect((await failure((await client()).loadState({ issuer: NORDLYS }))).code).to.equal('config');
    expect(() => transportFor('nope', undefined)).to.throw(ConsentError).with.property('code', 'config');
    expect(() => transportFor('host', undefined)).to.throw(ConsentError).with.property('code', 'config');
  });

  it('reports unsupported for providers that need a transport object', () => {
    expect(() => transportFor('consentua', '/x')).to.throw(ConsentError).with.property('code', 'unsupported');
  });

  it('passes aborts through untouched', async () => {
    const ctrl = new AbortController();
    const p = (await withFault('latency=2000')).loadCatalog({ issuer: NORDLYS }, ctrl.signal);
    ctrl.abort();
    try {
      await p;
      throw new Error('expected an abort');
    } catch (e) {
      expect((e as Error).name).to.equal('AbortError');
    }
  });
});
