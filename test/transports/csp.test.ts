import { expect } from '@open-wc/testing';
import { CspTransport, cspAccess, type CspOptions } from '../../src/transports/csp/csp.js';
import { clearFaults, CSP_IDS, CSP_ORG, cspToken, env, failure, newCspConsent } from '../helpers.js';

const transport = async (o: Partial<CspOptions> = {}) => {
  const token = await cspToken();
  return new CspTransport({ endpoint: env().simulator, orgId: CSP_ORG, getToken: () => token, retries: 0, ...o });
};

describe('csp transport against the simulator', () => {
  afterEach(() => clearFaults());

  it('lists the org’s consents and maps ACTIVE, REQUESTED and REJECTED', async () => {
    const t = await transport();
    const list = await t.list();
    expect(list.find((c) => c.consentId === CSP_IDS.active)!.status).to.equal('ACTIVE');
    expect(await t.checkAccess({ consent: CSP_IDS.active })).to.deep.equal({ granted: true, reason: 'consent-active' });
    expect(await t.checkAccess({ consent: CSP_IDS.requested })).to.deep.equal({ granted: false, pending: true, reason: 'consent-requested' });
    expect(await t.checkAccess({ consent: CSP_IDS.rejected })).to.deep.equal({ granted: false, reason: 'consent-rejected' });
    expect(await t.checkAccess({ consent: 'no-such-consent' })).to.deep.equal({ granted: false, reason: 'consent-absent' });
    expect(cspAccess(undefined).granted).to.equal(false);
  });

  it('treats 404 on the list as no consents', async () => {
    const t = await transport({ orgId: 'b2c3d4e5-f6a7-8901-bcde-f01234567890' });
    expect(await t.list()).to.deep.equal([]);
    expect((await t.checkAccess({ consent: CSP_IDS.active })).granted).to.equal(false);
  });

  it('approves, refuses a second decision with 409 and its requestId, and revokes', async () => {
    const t = await transport();
    const id = await newCspConsent();
    const approved = await t.approve(id, '2031-01-01T00:00:00.000Z');
    expect(approved.status).to.equal('ACTIVE');
    const e = await failure(t.reject(id));
    expect([e.code, e.status, e.providerCode]).to.deep.equal(['http', 409, 'consent.conflict']);
    expect(e.requestId).to.match(/^[0-9a-f]{16}$/);
    expect(e.toJSON().requestId).to.equal(e.requestId);
    await t.revoke(id);
    expect((await t.checkAccess({ consent: id })).reason).to.equal('consent-absent');
    const gone = await failure(t.revoke(id));
    expect([gone.status, gone.providerCode]).to.deep.equal([404, 'consent.not.found']);
  });

  it('rejects a REQUESTED consent', async () => {
    const t = await transport();
    const id = await newCspConsent();
    expect((await t.reject(id)).status).to.equal('REJECTED');
    expect((await t.checkAccess({ consent: id })).reason).to.equal('consent-rejected');
  });

  it('maps CspErrorResponse bodies: 401, 403 for a service account, 429, 500 — each with requestId', async () => {
    const e401 = await failure((await transport({ getToken: () => 'bad' })).list());
    expect([e401.code, e401.status, e401.providerCode]).to.deep.equal(['unauthorized', 401, 'not.authorized']);
    expect(e401.requestId).to.be.a('string');
    const service = await cspToken('service');
    const e403 = await failure((await transport({ getToken: () => service })).list());
    expect([e403.code, e403.status, e403.providerCode]).to.deep.equal(['unauthorized', 403, 'forbidden']);
    // The CspErrorResponse's own fields stay on the error.
    expect(e403.providerDetail).to.deep.include({ moduleCode: 520, statusCode: 403, cspErrorCode: 'forbidden' });
    const e429 = await failure((await transport({ headers: { 'x-sim-fault': '429' } })).list());
    expect([e429.code, e429.providerCode]).to.deep.equal(['rate-limited', 'too.many.requests']);
    expect(e429.requestId).to.be.a('string');
    const e500 = await failure((await transport({ headers: { 'x-sim-fault': '500' } })).list());
    expect([e500.code, e500.status]).to.deep.equal(['http', 500]);
    expect(e500.requestId).to.be.a('string');
  });

  it('does not ask for a new token on a 403: the role is the problem, not the token', async () => {
    const service = await cspToken('service');
    let refreshed = 0;
    const e = await failure((await transport({ getToken: () => service, refreshToken: () => void refreshed++ })).list());
    expect([e.code, e.status, refreshed]).to.deep.equal(['unauthorized', 403, 0]);
  });

  it('asks for a new token once when CSP refuses the old one', async () => {
    const good = await cspToken();
    let token = 'expired';
    let refreshed = 0;
    const t = await transport({ getToken: () => token, refreshToken: () => void ((token = good), refreshed++) });
    expect((await t.list()).length).to.be.greaterThan(0);
    expect(refreshed).to.equal(1);
  });
});
