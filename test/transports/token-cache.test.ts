import { expect } from '@open-wc/testing';
import { tokenCache } from '../../src/transports/core/token-cache.js';

describe('token cache', () => {
  it('shares one request between concurrent callers and reuses the token', async () => {
    let calls = 0;
    const source = tokenCache(async () => ({ token: `t${++calls}`, expiresIn: 3600 }), 3600);
    expect(await Promise.all([source.getToken(), source.getToken(), source.getToken()])).to.deep.equal(['t1', 't1', 't1']);
    expect(await source.getToken()).to.equal('t1');
    expect(calls).to.equal(1);
  });

  it('fetches again after invalidate(), and when the token is about to expire', async () => {
    let calls = 0;
    const source = tokenCache(async () => ({ token: `t${++calls}`, expiresIn: 30 }), 3600);
    expect(await source.getToken()).to.equal('t1');
    expect(await source.getToken(), 'within a minute of expiry').to.equal('t2');
    source.invalidate();
    expect(await source.getToken()).to.equal('t3');
  });

  it('never keeps a failure', async () => {
    let calls = 0;
    const source = tokenCache(async () => {
      if (++calls === 1) throw new Error('refused');
      return { token: 'ok' };
    }, Infinity);
    let failed = false;
    await source.getToken().catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(await source.getToken()).to.equal('ok');
    expect(await source.getToken()).to.equal('ok');
    expect(calls).to.equal(2);
  });
});
