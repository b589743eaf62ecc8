import { expect, waitUntil } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import type { ConsentCatalog, ConsentItem, SaveRequest } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { OutboxTransport, scopeKey, type OutboxEntry } from '../../src/transports/core/outbox.js';

// What an outbox does at start, in a page of its own: whether the outbox database exists is
// what these tests are about, so nothing else here may open it first.
const item = (id: string): ConsentItem => ({ id, order: Number(id), texts: [], active: true, ref: {} });
const catalog: ConsentCatalog = { source: 'memory', groups: [{ id: 'g', order: 0, texts: [], active: true, items: [item('1')] }] };
const subject = { id: 's', type: 'EXTERNAL' };
const exists = async () => (await indexedDB.databases()).some((d) => d.name === 'consent-elements');

describe('outbox at start', () => {
  it('creates no database for a visitor with nothing waiting', async () => {
    localStorage.removeItem('consent-elements:outbox-held');
    await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase('consent-elements'), { onsuccess: resolve, onerror: resolve }));
    const outbox = new OutboxTransport(new MemoryTransport({ catalog }), { key: 'start-empty' });
    await outbox.start();
    expect(await outbox.pending()).to.equal(0);
    expect(await exists(), 'no IndexedDB database before a save needs one').to.equal(false);
    outbox.dispose();
  });

  it('creates no database for a visitor who loads, watches and reads the queue, with nothing waiting', async () => {
    localStorage.removeItem('consent-elements:outbox-held');
    await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase('consent-elements'), { onsuccess: resolve, onerror: resolve }));
    const outbox = new OutboxTransport(new MemoryTransport({ catalog }), { key: 'start-loaded' });
    // What an element does at start; the start-up flush then knows the scope of the state it loaded.
    const unwatch = outbox.watch({ subject }, () => undefined);
    await outbox.loadState!({ subject });
    expect(await outbox.queued({ subject })).to.deep.equal({ pending: [], failed: [] });
    await outbox.flush();
    expect(await exists(), 'no IndexedDB database before a save needs one').to.equal(false);
    unwatch();
    outbox.dispose();
  });

  it('still sends what an earlier page left when the localStorage mark is gone', async () => {
    const key = 'start-unmarked';
    const request: SaveRequest = { catalog, subject, decisions: [{ itemId: '1', granted: true }] };
    const entry: OutboxEntry = { id: 'left-1', key, scope: scopeKey(key, { subject }), seq: 1, request, createdAt: 1, attempts: 0, ambiguous: false, notBefore: 0, announced: false };
    await set(entry.id, entry, createStore('consent-elements', 'outbox'));
    // Site data cleared but for IndexedDB, say: the mark is missing although a save waits.
    localStorage.removeItem('consent-elements:outbox-held');
    const inner = new MemoryTransport({ catalog });
    const outbox = new OutboxTransport(inner, { key });
    await outbox.start();
    await waitUntil(async () => (await inner.loadState({ subject })).some((d) => d.itemId === '1' && d.granted), 'the waiting save is sent');
    outbox.dispose();
  });
});
