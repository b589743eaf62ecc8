// What the reference pages mark optional may be missing; a wrong type is still refused.
import { expect } from '@open-wc/testing';
import { connectAccessSchema, connectCatalog, connectGroupsSchema } from '../../src/transports/connect/connect.js';
import { consentuaResultSchema, consentuaTemplatesSchema } from '../../src/transports/consentua/consentua.js';
import { cspConsentSchema, CspTransport } from '../../src/transports/csp/csp.js';
import { ConnectTransport } from '../../src/transports/connect/connect.js';
import { failure } from '../helpers.js';

/** A fetch that answers every request with `body` (200, JSON). */
const answering = (body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;

describe('optional fields of the reference', () => {
  it('Connect: a groups answer without groups, and a group without consentGroupId', () => {
    expect(connectGroupsSchema.parse({ issuer: '1' }).groups).to.deep.equal([]);
    const groups = connectGroupsSchema.parse({ groups: [{ selectionOrder: 1, texts: [] }, { consentGroupId: 7, texts: [] }] });
    const catalog = connectCatalog('1', groups, { consents: [] });
    expect(catalog.groups.map((g) => g.id)).to.deep.equal(['7'], 'a group without an id is left out');
    expect(connectGroupsSchema.safeParse({ groups: [{ consentGroupId: 'seven' }] }).success).to.equal(false);
    expect(connectGroupsSchema.safeParse({ groups: 'none' }).success).to.equal(false);
  });

  it('Connect check access: an answer without access is no access (fail closed); a wrong type is invalid-response', async () => {
    expect(connectAccessSchema.parse({}).access).to.equal(undefined);
    const identity = () => ({ uniqueId: 'u' });
    const none = new ConnectTransport({ endpoint: 'https://connect.test/capi', mode: 'client', identity, fetch: answering({ accesses: [] }), retries: 0 });
    expect((await none.checkAccess!({ product: 'P' })).granted).to.equal(false);
    const wrong = new ConnectTransport({ endpoint: 'https://connect.test/capi', mode: 'client', identity, fetch: answering({ access: 'yes' }), retries: 0 });
    expect((await failure(wrong.checkAccess!({ product: 'P' }))).code).to.equal('invalid-response');
  });

  it('Consentua: Success may be missing (only false refuses); a wrong type is refused', () => {
    expect(consentuaTemplatesSchema.safeParse({ Templates: [] }).success).to.equal(true);
    expect(consentuaResultSchema.safeParse({ Message: '' }).success).to.equal(true);
    expect(consentuaResultSchema.safeParse({ Success: 'true' }).success).to.equal(false);
  });

  it('CSP: a consent without consentId is left out of the list; a wrong type is invalid-response', async () => {
    expect(cspConsentSchema.safeParse({ status: 'ACTIVE' }).success).to.equal(true);
    const t = new CspTransport({ endpoint: 'https://csp.test', orgId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', getToken: () => 't', fetch: answering([{ status: 'ACTIVE' }, { consentId: 'c1', status: 'ACTIVE' }]), retries: 0 });
    expect((await t.list()).map((c) => c.consentId)).to.deep.equal(['c1']);
    const wrong = new CspTransport({ endpoint: 'https://csp.test', orgId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', getToken: () => 't', fetch: answering([{ consentId: 5 }]), retries: 0 });
    expect((await failure(wrong.list())).code).to.equal('invalid-response');
  });
});
