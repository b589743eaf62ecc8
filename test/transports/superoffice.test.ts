import { expect } from '@open-wc/testing';
import { toMap } from '../../src/model/decisions.js';
import { pickText } from '../../src/model/text.js';
import { parseMultiLanguage, SuperOfficeTransport, type SuperOfficeOptions } from '../../src/transports/superoffice/superoffice.js';
import { clearFaults, env, received, simAdmin, superofficeApi, failure } from '../helpers.js';

const transport = (o: Partial<SuperOfficeOptions> = {}) =>
  new SuperOfficeTransport({ endpoint: superofficeApi(), getAuthorization: () => env().superofficeAuthorization, retries: 0, ...o });
/** A language SuperOffice does not know: it then answers raw multi-language strings. */
const rawLanguage = () => transport({ headers: { 'so-language': 'zz' } });
const person = (id: number) => ({ subject: { id: String(id), type: 'PERSON' } });
/** Answers without the records behind them. */
const answers = async (t: SuperOfficeTransport, id: number) => (await t.loadState(person(id))).map(({ itemId, granted }) => ({ itemId, granted }));

describe('superoffice transport against the simulator', () => {
  afterEach(() => clearFaults());

  it('parses multi-language strings, and leaves plain text alone', () => {
    expect(parseMultiLanguage('NO:"Lagring";US:"Storage";GE:"Speicherung"', 'en')).to.deep.equal([
      { lang: 'nb', text: 'Lagring' },
      { lang: 'en', text: 'Storage' },
      { lang: 'de', text: 'Speicherung' },
    ]);
    expect(parseMultiLanguage('SE:"Säg ""ja"""', 'en')).to.deep.equal([{ lang: 'sv', text: 'Säg "ja"' }]);
    expect(parseMultiLanguage('Storage: of "data"', 'en')).to.deep.equal([{ lang: 'en', text: 'Storage: of "data"' }]);
    expect(parseMultiLanguage('NO:"a";broken', 'nb')).to.deep.equal([{ lang: 'nb', text: 'NO:"a";broken' }]);
  });

  it('counts only a consent legal base as given, and of duplicate rows the one updated last', async () => {
    const rows = [
      { ConsentPurposeKey: 'STORE', LegalBaseKey: '61A', Updated: '2024-01-01T10:00:00Z' },
      { ConsentPurposeKey: 'STORE', LegalBaseKey: 'WITHDRAWN', Updated: '2024-03-01T10:00:00Z' },
      { ConsentPurposeKey: 'EVENTS', LegalBaseKey: 'WITHDRAWN', Updated: '2024-01-01T10:00:00Z' },
      { ConsentPurposeKey: 'EVENTS', LegalBaseKey: '61A', Updated: '2024-02-01T10:00:00Z' },
      // Legitimate interest: processing the person did not consent to.
      { ConsentPurposeKey: 'EMARKETING', LegalBaseKey: '61F', Updated: '2024-02-01T10:00:00Z' },
    ];
    const seen: Headers[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init).headers);
      return new Response(JSON.stringify(rows), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const t = new SuperOfficeTransport({ endpoint: 'https://so.test/api/v1', getAuthorization: () => 'Bearer x', appToken: 'app-1', fetch, retries: 0 });
    const state = await t.loadState(person(30336));
    expect(Object.fromEntries(state.map((d) => [d.itemId, d.granted]))).to.deep.equal({ STORE: false, EVENTS: true, EMARKETING: false });
    // Each answer says on what basis and when; legitimate interest is not an answer the visitor gave.
    expect(Object.fromEntries(state.map((d) => [d.itemId, d.record]))).to.deep.equal({
      STORE: { basis: 'withdrawn', at: Date.parse('2024-03-01T10:00:00Z') },
      EVENTS: { basis: 'consent', at: Date.parse('2024-02-01T10:00:00Z') },
      EMARKETING: { basis: 'legitimate-interest', at: Date.parse('2024-02-01T10:00:00Z') },
    });
    expect([...toMap(state).keys()], 'an objection to EMARKETING is a first answer').to.deep.equal(['STORE', 'EVENTS']);
    expect([seen[0]!.get('accept-language'), seen[0]!.get('so-language'), seen[0]!.get('so-apptoken')]).to.deep.equal(['en', 'en', 'app-1']);
  });

  it('maps consent purposes to items by Key in Rank order, inactive and deleted ones inactive', async () => {
    const catalog = await transport().loadCatalog({ lang: 'en' });
    const items = catalog.groups[0]!.items;
    expect(items.map((i) => [i.id, i.active])).to.deep.equal([
      ['EVENTS', true],
      ['STORE', true],
      ['EMARKETING', true],
      ['FAX', false],
      ['OLD', false],
    ]);
    const store = items.find((i) => i.id === 'STORE')!;
    expect(store.texts).to.deep.equal([{ lang: 'en', title: 'Storage of personal data', description: 'We keep your contact details to serve you.' }]);
    expect(store.info).to.deep.equal({ link: 'https://example.com/privacy' });
    expect(items.find((i) => i.id === 'EMARKETING')!.info, 'javascript: privacy link').to.equal(undefined);
  });

  it('asks for one language with Accept-Language', async () => {
    const catalog = await transport().loadCatalog({ lang: 'nb-NO' });
    expect(catalog.groups[0]!.items.find((i) => i.id === 'STORE')!.texts[0]!.title).to.equal('Lagring av personopplysninger');
  });

  it('picks the page language from raw multi-language strings', async () => {
    const catalog = await rawLanguage().loadCatalog({ lang: 'en' });
    const store = catalog.groups[0]!.items.find((i) => i.id === 'STORE')!;
    expect(store.texts.map((t) => t.lang)).to.deep.equal(['nb', 'en', 'sv', 'de']);
    expect(pickText(store.texts, 'sv-SE')!.title).to.equal('Lagring av personuppgifter');
    expect(pickText(store.texts, 'de')!.description).to.equal('Wir speichern Ihre Kontaktdaten, um Sie betreuen zu können.');
    expect(pickText(store.texts, 'no')!.title).to.equal('Lagring av personopplysninger');
  });

  it('gives with PUT and withdraws with DELETE; WITHDRAWN reads as not granted', async () => {
    await simAdmin('reset', {});
    const t = transport();
    const catalog = await t.loadCatalog({});
    expect(await answers(t, 30337)).to.deep.equal([]);
    await t.saveDecisions({ ...person(30337), source: 'Test', catalog, decisions: [{ itemId: 'EMARKETING', granted: true }, { itemId: 'STORE', granted: true }] });
    const put = (await received('/superoffice/api/v1/Person/30337/Consent/EMARKETING')).at(-1)!;
    expect(put.method).to.equal('PUT');
    expect(put.body.query).to.deep.equal({ source: 'WEBFORM', legalBase: '61A', comment: 'Test' });
    expect(await answers(t, 30337)).to.deep.equal([
      { itemId: 'EMARKETING', granted: true },
      { itemId: 'STORE', granted: true },
    ]);
    await t.saveDecisions({ ...person(30337), catalog, decisions: [{ itemId: 'EMARKETING', granted: false }] });
    expect((await received('/superoffice/api/v1/Person/30337/Consent/EMARKETING')).at(-1)!.method).to.equal('DELETE');
    expect(await answers(t, 30337)).to.deep.equal([
      { itemId: 'EMARKETING', granted: false },
      { itemId: 'STORE', granted: true },
    ]);
    const rows = (await simAdmin('superoffice/rows')).rows;
    expect(rows.find((r: { ConsentPurposeKey: string }) => r.ConsentPurposeKey === 'EMARKETING').LegalBaseKey).to.equal('WITHDRAWN');
  });

  it('maps wrong credentials to unauthorized, an unknown person to a 404 http error', async () => {
    const e401 = await failure(transport({ getAuthorization: () => 'Bearer wrong' }).loadCatalog({}));
    expect([e401.code, e401.status]).to.deep.equal(['unauthorized', 401]);
    expect(e401.message).to.contain('Authentication failed');
    const e404 = await failure(transport().loadState(person(1)));
    expect([e404.code, e404.status, e404.retryable]).to.deep.equal(['http', 404, false]);
    expect(e404.message).to.contain('Person 1 not found');
  });

  it('maps faults: 500, 429, malformed JSON', async () => {
    const fault = (f: string) => transport({ headers: { 'x-sim-fault': f } }).loadCatalog({});
    expect((await failure(fault('500'))).code).to.equal('http');
    expect((await failure(fault('429'))).code).to.equal('rate-limited');
    expect((await failure(fault('malformed'))).code).to.equal('invalid-response');
  });

  it('needs a person id and credentials before any request', async () => {
    expect((await failure(transport().loadState({ subject: { id: 'anon-123', type: 'EXTERNAL' } }))).code).to.equal('config');
    expect((await failure(transport({ getAuthorization: () => undefined }).loadCatalog({}))).code).to.equal('unauthorized');
  });
});
