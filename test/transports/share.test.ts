import { expect } from '@open-wc/testing';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { readOnly, shared, SharedTransport } from '../../src/transports/core/share.js';

const catalog: ConsentCatalog = {
  source: 'memory:share',
  groups: [{ id: 'g', order: 1, active: true, texts: [], items: [{ id: 'c1', order: 1, active: true, ref: {}, texts: [] }] }],
};

/** Counts what reaches the transport. */
class Counting extends MemoryTransport {
  catalogs = 0;
  states = 0;
  override loadCatalog(q: unknown, signal?: AbortSignal) {
    this.catalogs++;
    return super.loadCatalog(q, signal);
  }
  override loadState(q: unknown, signal?: AbortSignal) {
    this.states++;
    return super.loadState(q, signal);
  }
}

describe('SharedTransport', () => {
  it('is one wrapper per transport', () => {
    const t = new MemoryTransport({ catalog });
    expect(shared(t)).to.equal(shared(t));
    expect(shared(shared(t))).to.equal(shared(t));
    expect(shared(new MemoryTransport({ catalog }))).not.to.equal(shared(t));
  });

  it('asks once for identical questions in flight, gives the callers one read-only answer, and asks again later', async () => {
    const t = new Counting({ catalog, latency: 20 });
    const s = new SharedTransport(t);
    const [a, b] = await Promise.all([s.loadCatalog({ issuer: '1' }), s.loadCatalog({ issuer: '1', lang: undefined })]);
    expect(t.catalogs).to.equal(1);
    expect(a).to.equal(b);
    expect(a).to.deep.equal(catalog);
    // No caller can change what the others see.
    expect(() => (a.groups[0]!.items[0]!.id = 'changed')).to.throw(TypeError);
    expect(() => a.groups.pop()).to.throw(TypeError);
    await Promise.all([s.loadState!({ subject: { id: 'x', type: 'EXTERNAL' } }), s.loadState!({ subject: { id: 'x', type: 'EXTERNAL' } })]);
    expect(t.states).to.equal(1);
    await s.loadCatalog({ issuer: '1' });
    expect(t.catalogs).to.equal(2, 'nothing is kept once answered');
  });

  it('leaves a transport its own objects: what it answers is copied once, what it answered frozen is shared as it is', async () => {
    const own = structuredClone(catalog);
    const s = new SharedTransport({ name: 'custom', loadCatalog: async () => own });
    const answer = await s.loadCatalog({ issuer: '1' });
    expect(answer).not.to.equal(own);
    expect(Object.isFrozen(answer.groups[0]!.items[0])).to.equal(true);
    own.groups[0]!.items[0]!.id = 'the transport may still change its own';
    expect(answer.groups[0]!.items[0]!.id).to.equal('c1');
    const frozen = Object.freeze(structuredClone(catalog));
    expect(await new SharedTransport({ name: 'frozen', loadCatalog: async () => frozen }).loadCatalog({ issuer: '1' })).to.equal(frozen);
  });

  it('makes an answer read-only all the way down, and leaves what it inherits alone', () => {
    const inherited = { n: 1 };
    const answer = Object.assign(Object.create({ inherited }) as { own: { list: { n: number }[] } }, { own: { list: [{ n: 2 }] } });
    readOnly(answer);
    expect(Object.isFrozen(answer.own.list[0])).to.equal(true);
    expect(Object.isFrozen(inherited), 'another object, only reached through the prototype').to.equal(false);
  });

  it('one caller giving up does not cancel the request for the others', async () => {
    const t = new Counting({ catalog, latency: 30 });
    const s = new SharedTransport(t);
    const stop = new AbortController();
    const first = s.loadCatalog({ issuer: '1' }, stop.signal);
    const second = s.loadCatalog({ issuer: '1' });
    stop.abort();
    let aborted = false;
    await first.catch(() => (aborted = true));
    expect(aborted).to.equal(true);
    expect((await second).source).to.equal('memory:share');
  });

  it('keeps an access answer until forget(), and never keeps a failure', async () => {
    const t = new MemoryTransport({ catalog, entitlements: ['P'] });
    const s = new SharedTransport(t);
    await s.checkAccess!({ product: 'P' });
    await s.checkAccess!({ product: 'P' });
    expect(t.accessChecks).to.equal(1);
    s.forget();
    await s.checkAccess!({ product: 'P' });
    expect(t.accessChecks).to.equal(2);
    t.failures.push(new ConsentError('network', 'down'));
    s.forget();
    let failed = false;
    await s.checkAccess!({ product: 'P' }).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect((await s.checkAccess!({ product: 'P' })).granted).to.equal(true);
    expect(t.accessChecks).to.equal(4);
  });

  it('has exactly the optional methods its transport has', () => {
    const bare = new SharedTransport({ name: 'bare', loadCatalog: async () => catalog });
    expect([bare.loadState, bare.saveDecisions, bare.checkAccess, bare.watch, bare.queued]).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
    const full = new SharedTransport(new MemoryTransport({ catalog }));
    expect([!!full.loadState, !!full.saveDecisions, !!full.checkAccess]).to.deep.equal([true, true, true]);
  });
});
