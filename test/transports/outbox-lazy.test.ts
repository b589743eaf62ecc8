import { expect, waitUntil } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import type { ConsentCatalog, ConsentItem, QueueEvent, SaveRequest } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { scopeKey, type OutboxEntry } from '../../src/transports/core/outbox.js';
import { LazyOutbox } from '../../src/transports/core/outbox.lazy.js';

// The stand-in the registry builds for the outbox: its code comes later, what it must do in the
// click's task it does itself.
const item = (id: string): ConsentItem => ({ id, order: Number(id), texts: [], active: true, ref: {} });
const catalog: ConsentCatalog = { source: 'memory', groups: [{ id: 'g', order: 0, texts: [], active: true, items: [item('1'), item('2')] }] };
const subject = { id: 's', type: 'EXTERNAL' };
const request = (decisions: SaveRequest['decisions']): SaveRequest => ({ catalog, decisions, subject });
const journal = () => Object.keys(localStorage).filter((k) => k.startsWith('consent-elements:outbox-journal:'));
const HELD = 'consent-elements:outbox-held';

describe('outbox loaded on demand', () => {
  let n = 0;
  const key = () => `lazy-${Date.now()}-${n++}`;
  beforeEach(() => {
    for (const k of journal()) localStorage.removeItem(k);
    localStorage.removeItem(HELD);
  });

  it('writes a save made before its code is in ahead, in the task of the click, and sends it once', async () => {
    const inner = new MemoryTransport({ catalog });
    const outbox = new LazyOutbox(inner, { key: key() });
    const saved = outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
    // Nothing awaited yet: a tab closed now leaves the save for the next page.
    expect(localStorage.getItem(HELD), 'the mark').to.equal('1');
    expect(journal(), 'the journal record').to.have.length(1);
    const receipts = await saved;
    expect(receipts.map((r) => [r.itemId, r.granted, !!r.queued])).to.deep.equal([['1', true, false]]);
    expect(await inner.loadState({ subject })).to.deep.include({ itemId: '1', granted: true });
    await waitUntil(() => journal().length === 0, 'the journal record is cleared once stored');
    expect(await outbox.pending()).to.equal(0);
    outbox.dispose();
  });

  it('tells watchers added before its code came what happens after', async () => {
    const outbox = new LazyOutbox(new MemoryTransport({ catalog }), { key: key() });
    const events: QueueEvent[] = [];
    const stop = outbox.watch({ subject }, (e) => events.push(e));
    await outbox.saveDecisions(request([{ itemId: '2', granted: true }]));
    expect(events.map((e) => e.type)).to.include.members(['pending', 'sent']);
    stop();
    const before = events.length;
    await outbox.saveDecisions(request([{ itemId: '2', granted: false }]));
    expect(events.length, 'nothing after unwatching').to.equal(before);
    outbox.dispose();
  });

  it('answers a new visitor with the provider state and an empty queue', async () => {
    const inner = new MemoryTransport({ catalog });
    await inner.saveDecisions(request([{ itemId: '1', granted: true }]));
    const outbox = new LazyOutbox(inner, { key: key() });
    expect(await outbox.loadState!({ subject })).to.deep.equal(await inner.loadState({ subject }));
    expect(await outbox.queued({ subject })).to.deep.equal({ pending: [], failed: [] });
    expect(await outbox.pending()).to.equal(0);
    outbox.dispose();
  });

  it('sends at start what an earlier page left waiting, and shows it as queued meanwhile', async () => {
    const k = key();
    const inner = new MemoryTransport({ catalog });
    const left: OutboxEntry = {
      id: `left-${k}`, key: k, scope: scopeKey(k, { subject }), seq: 1, request: request([{ itemId: '2', granted: true }]),
      createdAt: 1, attempts: 0, ambiguous: false, notBefore: Date.now() + 60_000, announced: true,
    };
    localStorage.setItem(HELD, '1');
    await set(left.id, left, createStore('consent-elements', 'outbox'));
    const outbox = new LazyOutbox(inner, { key: k });
    expect((await outbox.queued({ subject })).pending, 'what waits is read from the outbox').to.deep.equal([{ itemId: '2', granted: true }]);
    expect(await outbox.pending()).to.equal(1);
    outbox.dispose();
    await set(left.id, { ...left, notBefore: 0 }, createStore('consent-elements', 'outbox'));
    const next = new LazyOutbox(inner, { key: k });
    await next.start();
    await waitUntil(async () => (await inner.loadState({ subject })).some((d) => d.itemId === '2' && d.granted), 'the waiting save is sent');
    next.dispose();
  });
});
