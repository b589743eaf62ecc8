import { expect } from '@open-wc/testing';
import { ConnectTransport } from '../../src/transports/connect/connect.js';
import { capi, clearFaults, clientToken, failure, READER, userToken } from '../helpers.js';

const client = async () => {
  const token = await clientToken();
  return new ConnectTransport({ endpoint: capi(), mode: 'client', getToken: () => token, retries: 0 });
};

describe('connect check access against the simulator', () => {
  afterEach(() => clearFaults());

  it('grants a subscribed product with access level and type, and refuses another', async () => {
    const t = await client();
    expect(await t.checkAccess({ product: 'CO27409', ...READER })).to.deep.equal({
      granted: true,
      reason: 'entitled',
      accesses: [{ access: true, level: 'A', type: 'A' }],
    });
    const premium = await t.checkAccess({ product: 'PREMIUM', ...READER });
    expect([premium.granted, premium.reason]).to.deep.equal([false, 'not-entitled']);
  });

  it('needs every asked field to match', async () => {
    const t = await client();
    const both = await t.checkAccess({ product: 'CO27409', articleId: '578943434', ...READER });
    expect(both.granted).to.equal(true);
    expect(both.accesses!.map((a) => a.level)).to.deep.equal(['A', 'B']);
    expect((await t.checkAccess({ product: 'CO27409', domain: 'other.no', ...READER })).granted).to.equal(false);
    expect((await t.checkAccess({ categoryType: 'SWISJ', credential: '+4723339100' })).accesses).to.deep.equal([{ access: true, level: 'E', type: 'G' }]);
  });

  it('sends only the fields asked, with the access flags', async () => {
    const { connectAccessBody } = await import('../../src/transports/connect/connect.js');
    expect(connectAccessBody({ product: 'P', accessAidFamily: true, accessArticle: false, domain: '', uniqueId: 'u' })).to.deep.equal({
      product: 'P',
      accessAidFamily: true,
      accessArticle: false,
      uniqueId: 'u',
    });
  });

  it('answers every access flag of the reference (aID family, Azure AD, domain by category type, article list)', async () => {
    const t = await client();
    const family = await t.checkAccess({ product: 'KIDS1', accessAidFamily: true, ...READER });
    expect([family.granted, family.accesses]).to.deep.equal([true, [{ access: true, level: 'H', type: 'B' }]]);
    expect((await t.checkAccess({ product: 'NOPE', accessAidFamily: true, ...READER })).granted).to.equal(false);
    expect((await t.checkAccess({ accessAzureAd: true, ...READER })).accesses).to.deep.equal([{ access: true, level: 'G', type: 'A' }]);
    expect((await t.checkAccess({ accessDomain: true, categoryType: 'SWISJ', ...READER })).granted).to.equal(true);
    const articles = await t.checkAccess({ accessArticle: true, ...READER });
    expect(articles.accesses).to.deep.equal([{ access: true, level: 'B', type: 'C', detail: { articleIds: ['578943434'] } }]);
    const none = await t.checkAccess({ accessArticle: true, uniqueId: '0f8fad5bd9cb469fa16570867728950e' });
    expect([none.granted, none.accesses![0]!.detail]).to.deep.equal([false, { articleIds: [] }]);
  });

  it('grants IP access alone (an institution’s address), and a customer number with a credential alone', async () => {
    const t = await client();
    expect(await t.checkAccess({ ip: '10.20.30.40' })).to.deep.include({ granted: true, accesses: [{ access: true, level: 'D', type: 'E' }] });
    expect((await t.checkAccess({ ip: '192.0.2.1' })).granted).to.equal(false);
    expect((await t.checkAccess({ customerNumber: 563457, credential: '+4723339100' })).granted).to.equal(true);
    expect((await t.checkAccess({ customerNumber: 563457, credential: 'ola@example.no' })).granted, 'another customer’s credential').to.equal(false);
    expect((await t.checkAccess({ customerNumber: 100200, credential: 'ola@example.no' })).granted, 'no subscription').to.equal(false);
  });

  it('reports a shared subscription as level I, type B', async () => {
    const r = await (await client()).checkAccess({ product: 'FAMILY1', ...READER });
    expect(r.accesses).to.deep.equal([{ access: true, level: 'I', type: 'B' }]);
  });

  it('gets 400 without uniqueId or credential, and refuses a credential over 60 characters', async () => {
    const t = await client();
    const e = await failure(t.checkAccess({ product: 'CO27409' }));
    expect([e.code, e.status]).to.deep.equal(['http', 400]);
    expect((await failure(t.checkAccess({ product: 'CO27409', credential: 'x'.repeat(61) }))).code).to.equal('config');
  });

  it('checks in user mode with the reader’s own token', async () => {
    const token = await userToken('connectid-kari');
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token });
    expect((await t.checkAccess({ product: 'CO27409', ...READER })).granted).to.equal(true);
    const other = await userToken('connectid-ola');
    const t2 = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => other });
    expect((await t2.checkAccess({ product: 'CO27409', ...READER })).granted, 'someone else’s uniqueId').to.equal(false);
  });

  it('maps 401 to unauthorized', async () => {
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => 'nope' });
    expect((await failure(t.checkAccess({ product: 'CO27409', ...READER }))).code).to.equal('unauthorized');
  });
});
