import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { ConsentError } from '../../src/model/errors.js';
import { bearer, createHttp, inBody, inHeader, inQuery, type Auth } from '../../src/transports/core/http.js';

interface Seen {
  url: URL;
  headers: Headers;
  body: string;
}

/** A fetch that records each request and answers from `statuses` in turn (then 200 `{}`). */
function fakeFetch(statuses: number[] = []) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ url: new URL(request.url), headers: request.headers, body: await request.text() });
    const status = statuses.shift() ?? 200;
    return new Response(JSON.stringify(status === 200 ? { ok: true } : { message: 'no' }), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const any = z.unknown();
const client = (auth: Auth, statuses?: number[]) => {
  const f = fakeFetch(statuses);
  return { http: createHttp({ baseUrl: 'https://provider.test/api/', fetch: f.fetch, retries: 0, auth }), seen: f.seen };
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as ConsentError;
  }
  throw new Error('expected a refusal');
};

describe('auth strategies', () => {
  it('bearer: an Authorization header when there is a token, none otherwise', async () => {
    let token: string | undefined = 't1';
    const { http, seen } = client(bearer(() => token));
    await http.get('a', any);
    token = undefined;
    await http.get('a', any);
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer t1');
    expect(seen[1]!.headers.has('authorization')).to.equal(false);
  });

  it('inHeader: the credential is the whole header value', async () => {
    const { http, seen } = client(inHeader('csp-auth-token', () => 'abc'));
    await http.post('a', { x: 1 }, any);
    expect(seen[0]!.headers.get('csp-auth-token')).to.equal('abc');
    expect(seen[0]!.headers.has('authorization')).to.equal(false);
  });

  it('inQuery and inBody: a parameter or a JSON field, and a request may name another place', async () => {
    const q = client(inQuery('token', () => 'q1'));
    await q.http.get('a', any, { searchParams: { id: 7 } });
    expect([q.seen[0]!.url.searchParams.get('token'), q.seen[0]!.url.searchParams.get('id')]).to.deep.equal(['q1', '7']);

    const b = client(inBody('Token', () => 'b1'));
    await b.http.post('a', { UserId: 3 }, any);
    await b.http.get('b', any, { authAt: { query: 'accessToken' } });
    expect(JSON.parse(b.seen[0]!.body)).to.deep.equal({ UserId: 3, Token: 'b1' });
    expect(b.seen[1]!.url.searchParams.get('accessToken')).to.equal('b1');
    expect(b.seen[1]!.url.searchParams.has('Token')).to.equal(false);
  });

  it('a 401 refreshes once and sends again with the fresh credential, even a write', async () => {
    let token = 'old';
    let refreshed = 0;
    const { http, seen } = client(inBody('Token', () => token, { refresh: () => void ((token = 'new'), refreshed++) }), [401]);
    await http.post('save', { v: 1 }, any);
    expect(refreshed).to.equal(1);
    expect(seen.map((s) => JSON.parse(s.body).Token)).to.deep.equal(['old', 'new']);
  });

  it('a second 401 is the answer: no loop', async () => {
    let refreshed = 0;
    const { http, seen } = client(bearer(() => 'x', () => void refreshed++), [401, 401, 401]);
    const e = await refusal(http.get('a', any));
    expect([e.code, e.status, refreshed, seen.length]).to.deep.equal(['unauthorized', 401, 1, 2]);
  });

  it('a 403 is not refreshed: the credential was accepted, the access is not allowed', async () => {
    let refreshed = 0;
    const { http, seen } = client(inHeader('csp-auth-token', () => 'x', { refresh: () => void refreshed++ }), [403]);
    const e = await refusal(http.get('a', any));
    expect([e.code, e.status, refreshed, seen.length]).to.deep.equal(['unauthorized', 403, 0, 1]);
  });

  it('no credential: refresh once, then a typed refusal naming what is missing, with no request sent', async () => {
    let refreshed = 0;
    const { http, seen } = client(inHeader('authorization', () => undefined, { refresh: () => void refreshed++, missing: 'No SuperOffice credentials.' }));
    const e = await refusal(http.get('a', any));
    expect([e.code, e.message, refreshed, seen.length]).to.deep.equal(['unauthorized', 'No SuperOffice credentials.', 1, 0]);
  });
});
