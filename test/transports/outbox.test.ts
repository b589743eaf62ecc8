import { expect, waitUntil } from '@open-wc/testing';
import { clear, createStore, set } from 'idb-keyval';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog, ConsentItem, SaveRequest } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory.js';
import { OutboxTransport } from '../../src/transports/outbox.js';
import { failure } from '../helpers.js';

const item = (id: string): ConsentItem => ({ id, order: Number(id), texts: [], active: true, ref: {} });
const catalog: ConsentCatalog = { source: 'memory', groups: [{ id: 'g', order: 0, texts: [], active: true, items: [item('1'), item('2'), item('3')] }] };
const request = (decisions: SaveRequest['decisions']): SaveRequest => ({ catalog, decisions, subject: { id: 's', type: 'EXTERNAL' } });
const offline = () => new ConsentError('network', 'offline');

/** Stores what it is sent, then fails as if the answer was lost on the way back. */
class LostAnswer extends MemoryTransport {
  loseNext = 0;
  override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
    const receipts = await super.saveDecisions(q, signal);
    if (this.loseNext-- > 0) throw new ConsentError('timeout', 'no answer in time');
    return receipts;
  }
}

describe('outbox', () => {
  let n = 0;
  const key = () => `test-${Date.now()}-${n++}`;
  before(() => clear(createStore('consent-elements', 'outbox')));

  it('sends straight away and keeps nothing when the provider confirms', async () => {
    const inner = new MemoryTransport({ catalog });
    const outbox = new OutboxTransport(inner, { key: key() });
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
    expect(receipts.map((r) => [r.itemId, r.queued])).to.deep.equal([['1', undefined]]);
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: true }]]);
  });

  it('keeps a save that failed on the way, says queued, and sends it on flush', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [offline()] });
    // A long first retry: only this test's flush may send (IndexedDB can be slow on a busy machine).
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
    await outbox.started; // the start-up flush is done: only this test's flush sends
    const receipts = await outbox.saveDecisions(request([{ itemId: '2', granted: true }]));
    expect(receipts).to.deep.equal([{ itemId: '2', granted: true, queued: true }]);
    expect(await outbox.pending()).to.equal(1);
    expect(inner.saved).to.deep.equal([]);
    await outbox.flush();
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.deep.equal([[{ itemId: '2', granted: true }]]);
  });

  it('never sends a decision twice when the answer was lost but the provider stored it', async () => {
    const inner = new LostAnswer({ catalog });
    inner.loseNext = 1;
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
    await outbox.started;
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '3', granted: false }]));
    expect(receipts.every((r) => r.queued)).to.equal(true);
    await outbox.flush();
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.have.length(1, 'the provider state was read first; nothing was sent again');
  });

  it('drops a final refusal and reports it', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [new ConsentError('http', 'Bad Request', { status: 400 })] });
    const outbox = new OutboxTransport(inner, { key: key() });
    expect((await failure(outbox.saveDecisions(request([{ itemId: '1', granted: true }])))).status).to.equal(400);
    expect(await outbox.pending()).to.equal(0);
  });

  it('keeps only what was not confirmed when a batch fails half way', async () => {
    const inner = new MemoryTransport({ catalog });
    const e = offline();
    e.receipts = [{ itemId: '1', granted: true }];
    inner.saveFailures.push(e);
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
    await outbox.started;
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: false }]));
    expect(receipts).to.deep.equal([
      { itemId: '1', granted: true },
      { itemId: '2', granted: false, queued: true },
    ]);
    await outbox.flush();
    expect(inner.saved).to.deep.equal([[{ itemId: '2', granted: false }]]);
  });

  it('sends on the next page load what an earlier page left behind', async () => {
    const k = key();
    const first = new OutboxTransport(new MemoryTransport({ catalog, saveFailures: [offline(), offline()] }), { key: k, minDelay: 600_000 });
    await first.started;
    await first.saveDecisions(request([{ itemId: '3', granted: true }]));
    expect(await first.pending()).to.equal(1);
    // A new page: a new transport with the same key flushes by itself.
    const inner = new MemoryTransport({ catalog });
    const next = new OutboxTransport(inner, { key: k });
    await waitUntil(async () => (await next.pending()) === 0, 'the next page did not send it', { timeout: 5000 });
    expect(inner.saved).to.deep.equal([[{ itemId: '3', granted: true }]]);
  });

  it('leaves a save another tab is sending alone, and finishes one whose page died', async () => {
    const k = key();
    const inner = new MemoryTransport({ catalog, state: [{ itemId: '1', granted: true }] });
    const entry = (id: string, createdAt: number, decisions: SaveRequest['decisions']) =>
      set(id, { id, key: k, request: request(decisions), createdAt, attempts: 0, ambiguous: true }, createStore('consent-elements', 'outbox'));
    await entry('fresh', Date.now(), [{ itemId: '2', granted: true }]);
    await entry('orphan', Date.now() - 60_000, [{ itemId: '1', granted: true }, { itemId: '3', granted: true }]);
    const outbox = new OutboxTransport(inner, { key: k });
    await outbox.flush();
    // The orphan's first decision had arrived before its page died: only the rest is sent.
    expect(inner.saved).to.deep.equal([[{ itemId: '3', granted: true }]]);
    expect(await outbox.pending()).to.equal(1, 'the fresh one is its own page’s to send');
  });

  it('sends when the browser comes back online', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [offline()] });
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
    await outbox.started;
    await outbox.saveDecisions(request([{ itemId: '1', granted: false }]));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => inner.saved.length === 1, 'not sent on online', { timeout: 5000 });
  });
});
