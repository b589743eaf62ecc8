import { expect } from '@open-wc/testing';
import { visibleGroups } from '../../src/model/catalog.js';
import { flattenItems } from '../../src/model/tree.js';
import { ConsentuaTransport, consentuaConsentsSchema, type ConsentuaOptions } from '../../src/transports/consentua/consentua.js';
import { clearFaults, consentuaApi, consentuaToken, queueFault, received, failure, simAdmin } from '../helpers.js';

const CLIENT = '266';
const SERVICE = '105';
const scope = { clientId: CLIENT, serviceId: SERVICE, templateId: '41' };

const transport = async (o: Partial<ConsentuaOptions> = {}) => {
  const token = await consentuaToken();
  return new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, retries: 0, ...o });
};
const withFault = (fault: string, o: Partial<ConsentuaOptions> = {}) => transport({ headers: { 'x-sim-fault': fault }, ...o });
const visitor = () => ({ id: `visitor-${crypto.randomUUID()}`, type: 'EXTERNAL' });

describe('consentua transport against the simulator', () => {
  afterEach(() => clearFaults());

  it('maps the template: Position order, deleted groups and purposes inactive, version kept', async () => {
    const catalog = await (await transport()).loadCatalog({ ...scope, lang: 'en' });
    expect(catalog.source).to.equal('consentua:41');
    expect(catalog.version).to.equal('3');
    expect(catalog.texts?.[0]).to.deep.include({ title: 'How may we use your data?' });
    const visible = visibleGroups(catalog);
    expect(visible.map((g) => g.id)).to.deep.equal(['g77', 'g78', 'g79']);
    expect(visible[0]!.items.map((i) => i.id)).to.deep.equal(['313', '312', '314'], 'Position 1, 2, 4; deleted 311 left out');
    expect(visible[0]!.display).to.equal('binary', 'the reference sample: group 77 is Binary');
    expect(visible[2]!.items.map((i) => i.id)).to.deep.equal(['331', '330']);
    expect(visible[2]!.display).to.equal('binary');
    expect(catalog.groups.find((g) => g.id === 'g80')!.active).to.equal(false);
    expect(flattenItems(catalog.groups[0]!.items).find((i) => i.id === '311')!.active).to.equal(false);
  });

  it('gives each group and purpose text its own Language: a fallback purpose is announced in English', async () => {
    const catalog = await (await transport()).loadCatalog({ ...scope, lang: 'sv' });
    const contact = visibleGroups(catalog)[0]!;
    expect(contact.texts[0]).to.deep.include({ lang: 'sv', title: 'Kontakt' });
    const texts = Object.fromEntries(contact.items.map((i) => [i.id, i.texts[0]]));
    expect(texts['312']).to.deep.include({ lang: 'sv', title: 'Nyhetsbrev' });
    expect(texts['314']).to.deep.include({ lang: 'en', title: 'Text messages' }, 'no Swedish text: the English one, said to be English');
  });

  it('keeps purpose details, and only http(s) links', async () => {
    const catalog = await (await transport()).loadCatalog({ ...scope, lang: 'en' });
    const byId = new Map(catalog.groups.flatMap((g) => g.items).map((i) => [i.id, i]));
    expect(byId.get('312')!.info).to.deep.include({ dataUse: 'Your e-mail address', link: 'https://example.com/privacy#newsletter' });
    expect(byId.get('313')!.info!.link, 'javascript: URI').to.equal(undefined);
    expect(byId.get('312')!.info!.withdrawLink, 'TerminationURI').to.equal('https://example.com/privacy#unsubscribe');
    expect(byId.get('313')!.info!.withdrawLink, 'javascript: TerminationURI').to.equal(undefined);
    expect(byId.get('320')!.info!.sensitive).to.deep.equal({ category: 'Health' });
    expect(byId.get('330')!.info!.thirdParty).to.equal('Nordic Travel AS');
    expect(byId.get('312')!.texts[0]).to.deep.equal({ lang: 'en', title: 'Newsletter', description: 'Send you our weekly newsletter' });
    expect(byId.get('312')!.ref).to.deep.equal({ PurposeId: 312, ConsentTemplateId: 41, PurposeGroupId: 77 });
  });

  it('asks for the template in the page language', async () => {
    const t = await transport();
    expect((await t.loadCatalog({ ...scope, lang: 'nb-NO' })).groups[0]!.texts[0]!.title).to.equal('Kontakt');
    expect((await t.loadCatalog({ ...scope, lang: 'sv_SE' })).texts![0]!.title).to.equal('Hur får vi använda dina uppgifter?');
  });

  it('saves with SetConsents in the reference’s exact shape, and reads it back', async () => {
    const t = await transport();
    const subject = visitor();
    const catalog = await t.loadCatalog(scope);
    expect(await t.loadState({ ...scope, subject })).to.deep.equal([], 'unknown user: nothing answered, nobody created');
    const receipts = await t.saveDecisions({
      ...scope,
      subject,
      catalog,
      decisions: [
        { itemId: '312', granted: true },
        { itemId: '330', granted: false },
      ],
    });
    expect(receipts).to.deep.equal([
      { itemId: '312', granted: true, version: '3' },
      { itemId: '330', granted: false, version: '3' },
    ]);
    const sent = (await received('/consentua/userconsent/SetConsents')).at(-1)!.body;
    expect(Object.keys(sent)).to.deep.equal(['Token', 'Consent']);
    expect(sent.Token).to.match(/^[0-9a-f-]{36}$/);
    expect(sent.Consent).to.have.keys(['ClientId', 'ServiceId', 'UserId', 'Purposes']);
    expect(sent.Consent).to.deep.include({ ClientId: 266, ServiceId: 105 });
    expect(sent.Consent.UserId).to.be.a('number');
    expect(sent.Consent.Purposes).to.deep.equal([
      { ConsentTemplateId: 41, PurposeId: 312, Consent: true },
      { ConsentTemplateId: 41, PurposeId: 330, Consent: false },
    ]);
    const fresh = await transport();
    expect(await fresh.loadState({ ...scope, subject })).to.deep.equal([
      { itemId: '312', granted: true },
      { itemId: '330', granted: false },
    ]);
  });

  it('sends SetConsentsEx with AuthenticationData when the host gives evidence of who consented', async () => {
    const token = await consentuaToken();
    const evidence = { signedInWith: 'bankid', session: 'sess-42' };
    const t = new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, retries: 0, evidence: (q) => ({ ...evidence, source: q.source }) });
    const subject = visitor();
    const catalog = await t.loadCatalog(scope);
    await t.saveDecisions({ ...scope, subject, source: 'Footer', catalog, decisions: [{ itemId: '312', granted: true }] });
    const sent = (await received('/consentua/userconsent/SetConsentsEx')).at(-1)!.body;
    // The reference's UserConsentAddRequestModelEx, in its order.
    expect(Object.keys(sent)).to.deep.equal(['Token', 'AuthenticationData', 'Consent']);
    expect(JSON.parse(sent.AuthenticationData)).to.deep.equal({ ...evidence, source: 'Footer' });
    expect(sent.Consent.Purposes).to.deep.equal([{ ConsentTemplateId: 41, PurposeId: 312, Consent: true }]);
    const user = (await simAdmin('consentua/users')).users.find((u: { Identifier: string }) => u.Identifier === subject.id);
    expect(user.evidence).to.deep.equal({ '41:312': sent.AuthenticationData });
    expect(await t.loadState({ ...scope, subject })).to.deep.equal([{ itemId: '312', granted: true }]);

    // A string goes as it is; no evidence (undefined or empty) is a plain SetConsents.
    const plain = new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, retries: 0, evidence: () => '' });
    await plain.saveDecisions({ ...scope, subject, catalog, decisions: [{ itemId: '312', granted: false }] });
    expect(Object.keys((await received('/consentua/userconsent/SetConsents')).at(-1)!.body)).to.deep.equal(['Token', 'Consent']);
    const asIs = new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, retries: 0, evidence: () => 'idp=bankid' });
    await asIs.saveDecisions({ ...scope, subject, catalog, decisions: [{ itemId: '312', granted: true }] });
    expect((await received('/consentua/userconsent/SetConsentsEx')).at(-1)!.body.AuthenticationData).to.equal('idp=bankid');
    // Evidence a host backend put on the request (from its session) comes first.
    await asIs.saveDecisions({ ...scope, subject, catalog, evidence: { session: 'host' }, decisions: [{ itemId: '312', granted: false }] });
    expect((await received('/consentua/userconsent/SetConsentsEx')).at(-1)!.body.AuthenticationData).to.equal('{"session":"host"}');
  });

  it('accepts GetConsents as an array (reference) or a single object (official client)', () => {
    const one = { Success: true, Message: '', Consent: { Purposes: [{ ConsentTemplateId: 41, PurposeId: 312, Consent: true }] } };
    expect(consentuaConsentsSchema.safeParse([one]).success).to.equal(true);
    expect(consentuaConsentsSchema.safeParse(one).success).to.equal(true);
    expect(consentuaConsentsSchema.safeParse({ Consent: { Purposes: [{ PurposeId: 'x' }] } }).success).to.equal(false);
  });

  it('maps a 401 string body to unauthorized with the provider’s message', async () => {
    const e = await failure(new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => 'not-a-token', retries: 0 }).loadCatalog(scope));
    expect([e.code, e.status]).to.deep.equal(['unauthorized', 401]);
    expect(e.message).to.contain('You do Not have the appropriate access credentials!');
  });

  it('asks for a new token once when the old one is refused', async () => {
    const good = await consentuaToken();
    let token = 'expired';
    let refreshed = 0;
    const t = new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, refreshToken: () => void ((token = good), refreshed++), retries: 0 });
    expect((await t.loadCatalog(scope)).source).to.equal('consentua:41');
    expect(refreshed).to.equal(1);
  });

  it('maps a 500 string body to an http error with the message, and a 404 of the templates (the reference: "Templates cannot be found") to config', async () => {
    const e404 = await failure((await withFault('404')).loadCatalog(scope));
    expect([e404.code, e404.status, e404.retryable]).to.deep.equal(['config', 404, false]);
    const e500 = await failure((await withFault('500')).loadCatalog(scope));
    expect([e500.code, e500.status, e500.retryable]).to.deep.equal(['http', 500, true]);
    expect(e500.message).to.contain('Simulated server error');
  });

  it('says an unknown service is a setup problem (the reference’s 404 template answer), naming the ids to check', async () => {
    const e = await failure((await transport()).loadCatalog({ clientId: CLIENT, serviceId: '999' }));
    expect([e.code, e.status]).to.deep.equal(['config', 404]);
    expect(e.message).to.equal(`Consentua has no templates for client ${CLIENT}, service 999: check the client-id and service-id attributes.`);
  });

  it('a 200 with Success:false is a typed refusal that is not retried, and stores nothing', async () => {
    const subject = visitor();
    const t = await transport();
    const catalog = await t.loadCatalog(scope);
    await queueFault('refused', { path: '/consentua/userconsent/SetConsents' });
    const e = await failure(t.saveDecisions({ ...scope, subject, catalog, decisions: [{ itemId: '312', granted: true }] }));
    expect([e.code, e.retryable, e.providerCode]).to.deep.equal(['http', false, 'Success:false']);
    expect(e.message).to.equal('Consentua: Simulated refusal');
    expect(await t.loadState({ ...scope, subject })).to.deep.equal([]);
    await queueFault('refused', { path: '/consentua/template/Get' });
    expect((await failure(t.loadCatalog({ ...scope, lang: 'sv' }))).providerCode).to.equal('Success:false');
  });

  it('maps 429, malformed JSON, an HTML page, timeouts and dropped connections', async () => {
    expect((await failure((await withFault('429=1000')).loadCatalog(scope))).code).to.equal('rate-limited');
    expect((await failure((await withFault('malformed')).loadCatalog(scope))).code).to.equal('invalid-response');
    expect((await failure((await withFault('html')).loadCatalog(scope))).code).to.equal('invalid-response');
    expect((await failure((await withFault('latency=2000', { timeout: 200 })).loadCatalog(scope))).code).to.equal('timeout');
    expect((await failure((await withFault('drop')).loadCatalog(scope))).code).to.equal('network');
  });

  it('reports a missing template or ids as config errors', async () => {
    expect((await failure((await transport()).loadCatalog({ ...scope, templateId: '999' }))).code).to.equal('config');
    expect((await failure((await transport()).loadCatalog({ templateId: '41' }))).code).to.equal('config');
  });

  it('keeps the choices when SetConsents fails, and saves them on retry', async () => {
    const t = await transport();
    const subject = visitor();
    const catalog = await t.loadCatalog(scope);
    await queueFault('500', { path: '/consentua/userconsent/SetConsents' });
    const e = await failure(t.saveDecisions({ ...scope, subject, catalog, decisions: [{ itemId: '320', granted: true }] }));
    expect(e.status).to.equal(500);
    await t.saveDecisions({ ...scope, subject, catalog, decisions: [{ itemId: '320', granted: true }] });
    expect(await t.loadState({ ...scope, subject })).to.deep.equal([{ itemId: '320', granted: true }]);
  });
});
