// The reference pages' own example bodies, served by the simulator and read through the transports.
import { expect } from '@open-wc/testing';
import {
  connectAccessExampleRequest,
  connectAccessExampleResponse,
  connectGroupsExample,
  consentuaTemplateExample,
  cspConsentsExample,
  cspErrorExample,
  superofficeConsentsExample,
} from '../../fixtures/seed-examples.js';
import { CSP_EXAMPLE_ORG } from '../../fixtures/csp.js';
import { SO_EXAMPLE_PERSON } from '../../fixtures/superoffice.js';
import { pickText } from '../../src/model/text.js';
import { ConnectTransport, connectAccessSchema } from '../../src/transports/connect/connect.js';
import { ConsentuaTransport } from '../../src/transports/consentua/consentua.js';
import { CspTransport } from '../../src/transports/csp/csp.js';
import { SuperOfficeTransport } from '../../src/transports/superoffice/superoffice.js';
import { capi, clientToken, consentuaApi, consentuaToken, cspToken, env, failure, received, superofficeApi, userToken } from '../helpers.js';

const get = async (url: string, headers: Record<string, string> = {}) => (await fetch(url, { headers })).json();

describe('the reference pages’ example bodies, through the transports', () => {
  it('Connect: the simulator answers the groups example verbatim, and the picker’s catalog reads it', async () => {
    const token = await clientToken();
    const wire = await get(`${capi()}/v1/client/customer/privacy/consentGroups/${connectGroupsExample.issuer}`, { authorization: `Bearer ${token}` });
    expect(wire.issuer).to.equal(connectGroupsExample.issuer);
    expect(wire.groups.find((g: { consentGroupId: number }) => g.consentGroupId === 1)).to.deep.equal(connectGroupsExample.groups[0]);

    const t = new ConnectTransport({ endpoint: capi(), mode: 'client', getToken: () => token, retries: 0 });
    const group = (await t.loadCatalog({ issuer: connectGroupsExample.issuer })).groups.find((g) => g.id === '1')!;
    expect([group.order, group.active]).to.deep.equal([2, true]);
    expect(pickText(group.texts, 'en-GB')).to.deep.include({ lang: 'en-GB', title: 'Digital Communication', description: 'Consent for digital communication' });
    expect(pickText(group.texts, 'nb-NO')).to.deep.include({ lang: 'nb-NO', title: 'Digital kommunikasjon' });
  });

  it('Connect: the check-access example request goes out as it is, and every field must match', async () => {
    const token = await userToken('connectid-kari');
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token, retries: 0 });
    const answer = await t.checkAccess(connectAccessExampleRequest);
    expect((await received('/capi/v1/customer/access')).at(-1)!.body).to.deep.equal(connectAccessExampleRequest);
    expect(answer.granted).to.equal(true);
    expect(answer.accesses!.map((a) => a.level).sort()).to.deep.equal(['B', 'C', 'D', 'E', 'G', 'H']);
    // One field the customer does not have: no access, and the answer says which.
    const other = await t.checkAccess({ ...connectAccessExampleRequest, domain: 'other.example' });
    expect(other.granted).to.equal(false);
    expect(other.accesses!.filter((a) => !a.access).map((a) => a.level)).to.deep.equal(['C']);
    // The response example parses; one false entry among true ones is still what `access` says.
    expect(connectAccessSchema.parse(connectAccessExampleResponse).accesses).to.have.length(2);
  });

  it('Consentua: the template example (client 0, service 0) is read; its deleted group leaves nothing to answer', async () => {
    const token = await consentuaToken();
    const wire = await get(`${consentuaApi()}template/Get?clientId=0&serviceId=0&language=en&accessToken=${token}`);
    expect(wire).to.deep.equal(consentuaTemplateExample);
    const t = new ConsentuaTransport({ endpoint: consentuaApi(), getToken: () => token, clientId: 0, serviceId: 0, retries: 0 });
    const catalog = await t.loadCatalog({ lang: 'en' });
    expect(catalog.version).to.equal('0');
    expect(catalog.groups.filter((g) => g.active).flatMap((g) => g.items.filter((i) => i.active))).to.deep.equal([]);
  });

  it('SuperOffice: the consents example is the reference person’s; its legal base `enim` is not a consent', async () => {
    const auth = env().superofficeAuthorization;
    const wire = await get(`${superofficeApi()}/Person/${SO_EXAMPLE_PERSON}/Consent`, { authorization: auth, 'accept-language': 'en' });
    expect(wire.slice(0, 1)).to.deep.equal(superofficeConsentsExample);
    const t = new SuperOfficeTransport({ endpoint: superofficeApi(), getAuthorization: () => auth, retries: 0 });
    const state = await t.loadState({ subject: { id: String(SO_EXAMPLE_PERSON), type: 'PERSON' } });
    expect(state.find((d) => d.itemId === 'aperiam')).to.deep.equal({
      itemId: 'aperiam',
      granted: false,
      record: { basis: 'other', basisName: 'Renner-Okuneva', source: 'Torp, Carter and Bode', at: Date.parse('2019-09-03T12:13:48.993Z') },
    });
  });

  it('CSP: the list example (placeholders) is read, its unknown status is not access; an unknown org is a config error', async () => {
    const token = await cspToken();
    const wire = await get(`${env().simulator}/csp/gateway/am/api/orgs/${CSP_EXAMPLE_ORG}/consents`, { 'csp-auth-token': token });
    expect(wire).to.deep.equal(cspConsentsExample);
    const t = (orgId: string) => new CspTransport({ endpoint: env().simulator, orgId, getToken: () => token, retries: 0 });
    expect((await t(CSP_EXAMPLE_ORG).list()).map((c) => c.consentId)).to.deep.equal(['string']);
    expect(await t(CSP_EXAMPLE_ORG).checkAccess({ consent: 'string' })).to.deep.equal({ granted: false, reason: 'consent-absent' });

    const unknown = await failure(t('00000000-0000-4000-8000-000000000000').list());
    expect([unknown.code, unknown.status, unknown.providerCode]).to.deep.equal(['config', 404, 'org.not.found']);
    expect(unknown.message).to.contain('00000000-0000-4000-8000-000000000000');
    // Every error body has the reference's CspErrorResponse fields, with statusCode the HTTP status.
    expect(Object.keys(unknown.providerDetail!).sort()).to.deep.equal(Object.keys(cspErrorExample).sort());
    expect(unknown.providerDetail!.statusCode).to.equal(404);

    const named = await failure(t('my-org').list());
    expect(named.code).to.equal('config');
    expect(named.message).to.contain('GUID');
  });
});
