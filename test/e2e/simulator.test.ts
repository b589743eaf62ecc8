// The Connect simulator itself, in-process: auth, rate limits, validation, cascade, persistence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Simulator } from '../../demo/simulator/server.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-test-'));
const file = join(dir, 'events.json');
const secret = 'only-for-this-test';
let sim: Simulator;
let base: string;

const start = async (rateLimit = { perSecond: 100, perMinute: 2000 }) => {
  sim = new Simulator({ dataFile: file, clients: { c1: secret }, consentuaServiceKey: 'test-key', superofficeAuthorization: 'Bearer t', cspApiToken: 'csp-t', rateLimit });
  base = await sim.listen(0);
};
const token = async (id = 'c1', pass = secret) => {
  const r = await fetch(`${base}/user/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(`${id}:${pass}`)}` },
    body: 'grant_type=client_credentials',
  });
  return { status: r.status, body: await r.json() };
};
const call = async (path: string, t?: string, body?: unknown) => {
  const r = await fetch(`${base}/capi/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(t ? { authorization: `Bearer ${t}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, body: await r.json() };
};

before(() => start());
after(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Connect simulator', () => {
  it('issues client-credentials tokens only for the right secret', async () => {
    const ok = await token();
    assert.equal(ok.status, 200);
    assert.equal(ok.body.token_type, 'bearer');
    assert.equal(ok.body.expires_in, 43200);
    assert.equal((await token('c1', 'wrong')).status, 401);
    assert.equal((await token('nobody', secret)).status, 401);
  });

  it('answers 401 without a bearer token and 403 with a token of the other mode', async () => {
    const r = await call('client/customer/privacy/consentGroups/468979834');
    assert.equal(r.status, 401);
    assert.match(r.headers.get('www-authenticate') ?? '', /Bearer/);
    const client = (await token()).body.access_token;
    assert.equal((await call('customer/privacy/consentGroups/468979834', client)).status, 403);
  });

  it('filters inactive groups unless onlyActive=false', async () => {
    const t = (await token()).body.access_token;
    const active = await call('client/customer/privacy/consentGroups/468979834', t);
    const all = await call('client/customer/privacy/consentGroups/468979834?onlyActive=false', t);
    assert.equal(active.body.groups.length, 5);
    assert.equal(all.body.groups.length, 6);
    assert.equal(all.body.groups.find((g: { consentGroupId: number }) => g.consentGroupId === 5).active, false);
  });

  it('registers events, cascades to children, and rejects bad bodies with 400', async () => {
    const t = (await token()).body.access_token;
    const event = { consentId: 1, subject: 's-1', subjectType: 'EXTERNAL', source: 'Test', action: true, eventTime: 1700000000000 };
    const r = await call('client/customer/privacy/consentEvent', t, event);
    assert.equal(r.status, 200);
    assert.equal(r.body.consentId, 1);
    assert.deepEqual(r.body.childEvents.map((c: { consentId: number }) => c.consentId), [2, 3, 4]);
    const single = await call('client/customer/privacy/consentEvent', t, { ...event, consentId: undefined, consentTarget: 'marketing', consentScope: 'sms' });
    assert.equal(single.body.consentId, 11);
    assert.equal((await call('client/customer/privacy/consentEvent', t, { ...event, consentId: 999 })).status, 400);
    assert.equal((await call('client/customer/privacy/consentEvent', t, { ...event, consentTarget: 'marketing', consentScope: 'sms' })).status, 400);
    assert.equal((await call('client/customer/privacy/consentEvent', t, { ...event, subjectType: 'ALIEN' })).status, 400);
    assert.equal((await call('client/customer/privacy/consentEvent', t, { ...event, data: 'not base64!' })).status, 400);
    assert.equal((await call('client/customer/privacy/consentEvent', t, { ...event, consentId: 40 })).status, 400, 'inactive consent');
    const history = await call('client/customer/privacy/consentEvent/history/468979834/EXTERNAL/s-1', t);
    assert.deepEqual(history.body.consents.map((c: { consentId: number }) => c.consentId), [1, 2, 3, 4, 11]);
  });

  it('keeps events across a restart', async () => {
    const before = sim.connect.events.length;
    assert.ok(before > 0);
    await sim.close();
    await start();
    assert.equal(sim.connect.events.length, before);
    const t = (await token()).body.access_token;
    const history = await call('client/customer/privacy/consentEvent/history/468979834/EXTERNAL/s-1', t);
    assert.equal(history.body.consents.length, 5);
  });

  it('answers 429 with Retry-After over the per-second limit', async () => {
    await sim.close();
    await start({ perSecond: 3, perMinute: 100 });
    const t = (await token()).body.access_token;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('client/customer/privacy/consentGroups/468979834', t)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const limited = await call('client/customer/privacy/consentGroups/468979834', t);
    assert.equal(limited.headers.get('retry-after'), '1');
  });
});
