import { expect, waitUntil } from '@open-wc/testing';
import { clear, createStore, entries, set } from 'idb-keyval';
import type { QueueEvent } from '../../src/model/types.js';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog, ConsentItem, SaveRequest } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { OutboxTransport, scopeKey, type OutboxEntry } from '../../src/transports/core/outbox.js';
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

const subject = { id: 's', type: 'EXTERNAL' };
const idb = () => createStore('consent-elements', 'outbox');

/** An entry another tab or an earlier page left: written as the outbox writes it (its localStorage mark first). */
function leave(entry: OutboxEntry) {
  localStorage.setItem('consent-elements:outbox-held', '1');
  return set(entry.id, entry, idb());
}

/** A save of the scope's visitor waiting in the outbox, as another tab or an earlier page left it. */
function waiting(k: string, id: string, decisions: SaveRequest['decisions'], o: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id, key: k, scope: scopeKey(k, { subject }), seq: 1, request: request(decisions), createdAt: 1,
    attempts: 1, ambiguous: false, notBefore: 0, announced: false, ...o,
  };
}

/** An entry as a page leaves it when it dies during its attempt (write-ahead marked, no answer). */
function stored(k: string, id: string, attemptAt: number, decisions: SaveRequest['decisions'], seq = attemptAt) {
  return leave(waiting(k, id, decisions, { seq, createdAt: attemptAt, attemptAt, ambiguous: true }));
}

/** The outbox's journal in localStorage: saves not yet stored in IndexedDB, one key each. */
const journal = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith('consent-elements:outbox-journal:'))
    .map((k) => JSON.parse(localStorage.getItem(k)!) as { entry: OutboxEntry });

/** Collects what a scope's watchers hear. */
function heard(outbox: OutboxTransport): QueueEvent[] {
  const list: QueueEvent[] = [];
  outbox.watch({ subject }, (e) => list.push(e));
  return list;
}

describe('outbox', () => {
  let n = 0;
  const key = () => `test-${Date.now()}-${n++}`;
  before(() => clear(createStore('consent-elements', 'outbox')));

  it('calls a watcher that watches again while it hears an event once for that event', async () => {
    // An element reloading on an event watches its scope afresh; the event must not reach it again.
    const outbox = new OutboxTransport(new MemoryTransport({ catalog }), { key: key() });
    let calls = 0;
    let stop = () => {};
    const listen = () => {
      stop = outbox.watch({ subject }, () => {
        calls++;
        if (calls > 5) return; // without the fix this never ends: stop the test from hanging
        stop();
        listen();
      });
    };
    listen();
    await outbox.loadState!({ subject });
    expect(calls).to.equal(1);
    stop();
  });

  it('sends straight away and keeps nothing when the provider confirms', async () => {
    const inner = new MemoryTransport({ catalog });
    const outbox = new OutboxTransport(inner, { key: key() });
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
    expect(receipts.map((r) => [r.itemId, r.queued])).to.deep.equal([['1', undefined]]);
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: true }]]);
  });

  it('stamps each request of a multi-request save before it leaves: the unknown-outcome deadline counts from the last', async () => {
    const stamps: number[] = [];
    /** One request per decision, as Connect sends them; notes the entry's stamp as each leaves. */
    class OneByOne extends MemoryTransport {
      override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
        for (const d of q.decisions) {
          await q.beforeWrite?.();
          const [entry] = (await entries<string, OutboxEntry>(idb())).map(([, e]) => e).filter((e) => e.request.decisions.some((x) => x.itemId === d.itemId));
          stamps.push(entry!.attemptAt!);
          await new Promise((r) => setTimeout(r, 60));
          await super.saveDecisions({ ...q, decisions: [d] }, signal);
        }
        return q.decisions.map((d) => ({ ...d }));
      }
    }
    const outbox = new OutboxTransport(new OneByOne({ catalog }), { key: key() });
    const started = Date.now();
    await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: true }, { itemId: '3', granted: true }]));
    expect(stamps).to.have.length(3);
    expect(stamps[1]! - stamps[0]!, 'the second request was not stamped').to.be.at.least(50);
    expect(stamps[2]! - started, 'the last request left later than the first').to.be.at.least(100);
    expect(await outbox.pending()).to.equal(0);
  });

  it('keeps a save that failed on the way, says queued, and sends it on flush', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [offline()] });
    // A long first retry: only this test's flush may send (IndexedDB can be slow on a busy machine).
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
    await outbox.start(); // the start-up flush is done: only this test's flush sends
    const receipts = await outbox.saveDecisions(request([{ itemId: '2', granted: true }]));
    expect(receipts).to.deep.equal([{ itemId: '2', granted: true, queued: true, queuedBecause: 'connection' }]);
    expect(await outbox.pending()).to.equal(1);
    expect(inner.saved).to.deep.equal([]);
    await outbox.flush();
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.deep.equal([[{ itemId: '2', granted: true }]]);
  });

  it('says queued only of what still waits when a newer save took items during the attempt', async () => {
    // The first attempt hangs until released, then fails on the way.
    let release = () => {};
    class Hanging extends MemoryTransport {
      first = true;
      override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
        if (!this.first) return super.saveDecisions(q, signal);
        this.first = false;
        await new Promise<void>((r) => (release = r));
        throw offline();
      }
    }
    const inner = new Hanging({ catalog });
    const k = key();
    const tab = new OutboxTransport(inner, { key: k, minDelay: 600_000 });
    // (It waits for the first attempt's outcome: without idempotent writes, that one may still land.)
    const otherTab = new OutboxTransport(inner, { key: k, minDelay: 600_000, saveDeadline: 300 });
    await Promise.all([tab.start(), otherTab.start()]);
    const events = heard(tab);
    const first = tab.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: true }]));
    await waitUntil(() => events.some((e) => e.type === 'pending'), 'the first save is on its way');
    // Another tab withdraws item 1 while the first attempt is out.
    const second = otherTab.saveDecisions(request([{ itemId: '1', granted: false }]));
    await waitUntil(() => events.some((e) => e.type === 'superseded'), 'the newer save took item 1');
    release();
    await first;
    await second;
    const entry = events.find((e) => e.type === 'pending')!.entry;
    const queued = events.filter((e) => e.type === 'queued' && e.entry === entry).flatMap((e) => e.decisions);
    expect(queued).to.deep.equal([{ itemId: '2', granted: true }], 'the withdrawn grant is not announced as waiting');
    tab.dispose();
    otherTab.dispose();
  });

  it('says a save failed, not queued, when a newer save that took its items was refused meanwhile', async () => {
    // A save waits behind an older attempt that may still land; the visitor's other tab saves the
    // same choice, which takes its items and is refused. "Queued" would promise what waits nowhere.
    const k = key();
    const tab = new OutboxTransport(new MemoryTransport({ catalog, saveFailures: [offline()] }), { key: k, minDelay: 600_000, saveDeadline: 1500, writeDeadline: 60_000 });
    const refusal = new ConsentError('invalid-response', 'Expected JSON but got text/html');
    const otherTab = new OutboxTransport(new MemoryTransport({ catalog, saveFailures: [refusal] }), { key: k, minDelay: 600_000, writeDeadline: 60_000 });
    await Promise.all([tab.start(), otherTab.start()]);
    const events = heard(tab);
    expect((await tab.saveDecisions(request([{ itemId: '1', granted: true }])))[0]?.queued, 'an attempt that may still land').to.equal(true);
    const choice = [{ itemId: '1', granted: false }, { itemId: '2', granted: true }];
    const waits = tab.saveDecisions(request(choice));
    await waitUntil(() => events.filter((e) => e.type === 'superseded').length === 1, 'the newer save took item 1 and waits');
    expect((await failure(otherTab.saveDecisions(request(choice)))).code).to.equal('invalid-response');
    expect(events.filter((e) => e.type === 'superseded').length, 'the other tab took the waiting save’s items').to.equal(2);
    const e = await failure(waits);
    expect([e.code, e.message]).to.deep.equal(['invalid-response', 'Expected JSON but got text/html']);
    tab.dispose();
    otherTab.dispose();
  });

  it('never sends a decision twice when the answer was lost but the provider stored it', async () => {
    const inner = new LostAnswer({ catalog });
    inner.loseNext = 1;
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
    await outbox.start();
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '3', granted: false }]));
    expect(receipts.every((r) => r.queued)).to.equal(true);
    await outbox.flush();
    expect(await outbox.pending()).to.equal(0);
    expect(inner.saved).to.have.length(1, 'the provider state was read first; nothing was sent again');
  });

  it('keeps a save whose setup error is retryable (a backend that answers without CORS headers), says queued', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [new ConsentError('config', 'answers, but not to this page', { retryable: true })] });
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
    await outbox.start();
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
    expect(receipts[0]?.queued).to.equal(true);
    expect(await outbox.pending()).to.equal(1);
    await outbox.flush();
    expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: true }]]);
    outbox.dispose();
  });

  it('drops a final refusal and reports it', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [new ConsentError('http', 'Bad Request', { status: 400 })] });
    const outbox = new OutboxTransport(inner, { key: key() });
    expect((await failure(outbox.saveDecisions(request([{ itemId: '1', granted: true }])))).status).to.equal(400);
    expect(await outbox.pending()).to.equal(0);
  });

  it('never drops silently a refusal that comes as the visitor is told "queued"', async () => {
    // The refusal arrives just before the save's deadline, and is still being recorded (IndexedDB)
    // when the deadline passes: the visitor must be told it failed, or it must be kept and announced.
    class RefusedLate extends MemoryTransport {
      override async saveDecisions(): Promise<never> {
        await new Promise((r) => setTimeout(r, 40));
        throw new ConsentError('invalid-response', 'Expected JSON but got text/html');
      }
    }
    for (let run = 0; run < 5; run++) {
      const outbox = new OutboxTransport(new RefusedLate({ catalog }), { key: key(), minDelay: 600_000, saveDeadline: 42 });
      const events = heard(outbox);
      const answer = await outbox.saveDecisions(request([{ itemId: '1', granted: true }])).then(
        (receipts) => ({ queued: receipts.some((r) => r.queued) }),
        (e: ConsentError) => ({ refused: e.code }),
      );
      if ('refused' in answer) expect(answer.refused).to.equal('invalid-response');
      else {
        expect(answer.queued, 'told queued').to.equal(true);
        await waitUntil(() => events.some((e) => e.type === 'failed'), 'the refusal heard');
        expect(events.find((e) => e.type === 'failed')!.announced, 'announced to the page that said queued').to.equal(true);
        expect(await outbox.pending(), 'kept for Retry').to.equal(1);
      }
      outbox.dispose();
      await clear(idb());
    }
  });

  it('lets a choice equal to what the provider holds outdate an older refused save of that item', async () => {
    const k = key();
    const outbox = new OutboxTransport(new MemoryTransport({ catalog }), { key: k, minDelay: 600_000 });
    await outbox.start();
    // A save the visitor was told is queued, then refused for good: kept and shown with Retry.
    const refused = waiting(k, `refused-${k}`, [{ itemId: '1', granted: false }], { attempts: 2, announced: true, failed: { code: 'invalid-response', message: 'HTML' } });
    await leave(refused);
    expect((await outbox.queued({ subject })).failed).to.deep.equal([{ itemId: '1', granted: false }]);
    // The visitor now leaves item 1 on (as the provider holds it) and changes item 2.
    await outbox.saveDecisions({ ...request([{ itemId: '2', granted: true }]), confirms: [{ itemId: '1', granted: true }] });
    expect((await outbox.queued({ subject })).failed).to.deep.equal([], 'Retry would have sent the older refusal');
  });

  it('does not let a confirm take a queued decision that agrees with it: it may be why the item looked held', async () => {
    const k = key();
    const inner = new MemoryTransport({ catalog });
    const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000 });
    await outbox.start();
    // Another tab's save of item 1 (on), queued: that tab heard it as held and showed it so.
    const queued = waiting(k, `queued-${k}`, [{ itemId: '1', granted: true }], { announced: true });
    await leave(queued);
    // This tab saves item 2 and confirms item 1 on, as it is shown.
    await outbox.saveDecisions({ ...request([{ itemId: '2', granted: true }]), confirms: [{ itemId: '1', granted: true }] });
    await outbox.flush();
    expect(inner.saved.flat(), 'item 1 reached the provider').to.deep.include({ itemId: '1', granted: true });
    expect((await outbox.queued({ subject })).pending).to.deep.equal([]);
  });

  it('does not let a confirm outdate a save of another tab that this page had not heard of (its view could not show it)', async () => {
    const k = key();
    const inner = new MemoryTransport({ catalog });
    const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000 });
    await outbox.start();
    // This page shows item 1 off (as held) and the visitor left it so. Meanwhile another tab saved
    // item 1 on; its news has not reached this page when the visitor presses Save here.
    const other = waiting(k, `other-${k}`, [{ itemId: '1', granted: true }]);
    await leave(other);
    await outbox.saveDecisions({ ...request([{ itemId: '2', granted: true }]), confirms: [{ itemId: '1', granted: false }] });
    await outbox.flush();
    expect(inner.saved.flat(), 'the other tab\'s choice reached the provider').to.deep.include({ itemId: '1', granted: true });
    // Once heard (here through queued(), as a page loading sees it), a confirm does outdate it.
    const again = waiting(k, `again-${k}`, [{ itemId: '1', granted: true }], { seq: 2 });
    await leave(again);
    expect((await outbox.queued({ subject })).pending).to.deep.equal([{ itemId: '1', granted: true }]);
    await outbox.saveDecisions({ ...request([{ itemId: '3', granted: true }]), confirms: [{ itemId: '1', granted: false }] });
    expect((await outbox.queued({ subject })).pending).to.deep.equal([], 'the confirm took the save it had heard of');
  });

  it('keeps only what was not confirmed when a batch fails half way', async () => {
    const inner = new MemoryTransport({ catalog });
    const e = offline();
    e.receipts = [{ itemId: '1', granted: true }];
    inner.saveFailures.push(e);
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
    await outbox.start();
    const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: false }]));
    expect(receipts).to.deep.equal([
      { itemId: '1', granted: true },
      { itemId: '2', granted: false, queued: true, queuedBecause: 'connection' },
    ]);
    await outbox.flush();
    expect(inner.saved).to.deep.equal([[{ itemId: '2', granted: false }]]);
  });

  it('sends on the next page load what an earlier page left behind', async () => {
    const k = key();
    const first = new OutboxTransport(new MemoryTransport({ catalog, saveFailures: [offline(), offline()] }), { key: k, minDelay: 600_000 });
    await first.start();
    await first.saveDecisions(request([{ itemId: '3', granted: true }]));
    expect(await first.pending()).to.equal(1);
    // A new page: a new transport with the same key, started (the define entry starts its providers' outboxes).
    const inner = new MemoryTransport({ catalog });
    const next = new OutboxTransport(inner, { key: k, writeDeadline: 0 });
    expect(inner.saved).to.deep.equal([], 'nothing is sent before start()');
    void next.start();
    await waitUntil(async () => (await next.pending()) === 0, 'the next page did not send it', { timeout: 5000 });
    expect(inner.saved).to.deep.equal([[{ itemId: '3', granted: true }]]);
  });

  it('leaves an attempt another tab just started alone, and finishes one whose page died', async () => {
    const k = key();
    const inner = new MemoryTransport({ catalog, state: [{ itemId: '1', granted: true }] });
    await stored(k, 'fresh', Date.now(), [{ itemId: '2', granted: true }]);
    await stored(k, 'orphan', Date.now() - 60_000, [{ itemId: '1', granted: true }, { itemId: '3', granted: true }]);
    const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 30_000 });
    await outbox.flush();
    // The orphan's first decision had arrived before its page died: only the rest is sent.
    expect(inner.saved).to.deep.equal([[{ itemId: '3', granted: true }]]);
    expect(await outbox.pending()).to.equal(1, 'the fresh attempt may still land: its outcome is not known yet');
  });

  it('sends when the browser comes back online', async () => {
    const inner = new MemoryTransport({ catalog, saveFailures: [offline()] });
    const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
    await outbox.start();
    await outbox.saveDecisions(request([{ itemId: '1', granted: false }]));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => inner.saved.length === 1, 'not sent on online', { timeout: 5000 });
  });

  describe('reproductions: a decision is never reversed, doubled or dropped', () => {
    it('(1) an old save whose page closed mid-send never overwrites a newer choice on a later page', async () => {
      const k = key();
      // Page 1 saved "grant" and closed at once: its keepalive write reached the provider.
      const inner = new MemoryTransport({ catalog, state: [{ itemId: '1', granted: true }] });
      await stored(k, 'closed', Date.now() - 1000, [{ itemId: '1', granted: true }]);
      // Page 2, within the write deadline, withdraws: sent once page 1's write can no longer land.
      const page2 = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 1500 });
      await page2.saveDecisions(request([{ itemId: '1', granted: false }]));
      expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: false }]]);
      page2.dispose();
      // Page 3, long after: nothing old is sent again.
      const page3 = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 0 });
      await page3.flush();
      expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: false }]]);
      expect(inner.state.get('1')).to.equal(false);
      expect(await page3.pending()).to.equal(0);
    });

    it('(1) a queued retry never lands after a newer withdrawal on the same page', async () => {
      const inner = new MemoryTransport({ catalog, saveFailures: [offline()] });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
      await outbox.start();
      const first = await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: true }]));
      expect(first.every((r) => r.queued)).to.equal(true);
      await outbox.saveDecisions(request([{ itemId: '1', granted: false }]));
      await outbox.flush();
      expect(inner.state.get('1')).to.equal(false, 'the newer withdrawal stands');
      expect(inner.state.get('2')).to.equal(true, 'what the newer save did not touch is still sent');
      expect(inner.saved.flat().filter((d) => d.itemId === '1')).to.deep.equal([{ itemId: '1', granted: false }]);
    });

    it('(1) a newer save of an item waits while an older attempt of it may still land (no idempotent writes)', async () => {
      let land = () => {};
      const onTheWay = new Promise<void>((r) => (land = r));
      /** Its first write spends long on the way and reaches the provider late. */
      class SlowFirst extends MemoryTransport {
        calls = 0;
        override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
          if (this.calls++ === 0) await onTheWay;
          return super.saveDecisions(q, signal);
        }
      }
      const inner = new SlowFirst({ catalog });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, saveDeadline: 100, writeDeadline: 60_000 });
      await outbox.start();
      expect((await outbox.saveDecisions(request([{ itemId: '1', granted: true }])))[0]?.queued).to.equal(true);
      const second = await outbox.saveDecisions(request([{ itemId: '1', granted: false }]));
      expect(second[0]?.queued).to.equal(true, 'the newer choice waits');
      expect(inner.saved).to.deep.equal([]);
      land();
      await waitUntil(() => inner.saved.length === 2, 'the newer choice was not sent once the older write was answered', { timeout: 5000 });
      expect(inner.saved).to.deep.equal([[{ itemId: '1', granted: true }], [{ itemId: '1', granted: false }]]);
      expect(inner.state.get('1')).to.equal(false);
      outbox.dispose();
    });

    it('(4) a queued save refused for good is kept, announced and reported, never dropped', async () => {
      const inner = new MemoryTransport({ catalog, saveFailures: [offline(), new ConsentError('invalid-response', 'Expected JSON but got text/html')] });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
      const events = heard(outbox);
      await outbox.start();
      await outbox.saveDecisions(request([{ itemId: '3', granted: true }]));
      await outbox.flush();
      const failed = events.find((e) => e.type === 'failed');
      expect(failed?.announced).to.equal(true);
      expect(failed?.error?.code).to.equal('invalid-response');
      expect(await outbox.pending()).to.equal(1, 'kept');
      const queue = await outbox.queued({ subject });
      expect(queue.failed).to.deep.equal([{ itemId: '3', granted: true }]);
      expect(queue.error?.code).to.equal('invalid-response');
      // Choosing again replaces it.
      await outbox.saveDecisions(request([{ itemId: '3', granted: true }]));
      expect(await outbox.pending()).to.equal(0);
      expect(inner.state.get('3')).to.equal(true);
    });

    it('(4) a save whose page closed right after Save, refused for good later, is kept and announced', async () => {
      const k = key();
      await stored(k, 'closed-at-once', Date.now() - 60_000, [{ itemId: '2', granted: false }]);
      const inner = new MemoryTransport({ catalog, state: [{ itemId: '2', granted: true }], saveFailures: [new ConsentError('invalid-response', 'Expected JSON but got text/html')] });
      const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 0 });
      const events = heard(outbox);
      await outbox.start();
      expect(events.find((e) => e.type === 'failed')?.announced).to.equal(true);
      expect((await outbox.queued({ subject })).failed).to.deep.equal([{ itemId: '2', granted: false }]);
      outbox.dispose();
    });

    it('(4) a save whose tab closed before IndexedDB stored it is kept in the journal, written in the task of Save', async () => {
      const k = key();
      const outbox = new OutboxTransport(new MemoryTransport({ catalog }), { key: k });
      const saving = outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
      // Before anything is awaited: what a tab closed now leaves.
      const left = journal();
      expect(left.map((r) => [r.entry.key, r.entry.request.decisions])).to.deep.equal([[k, [{ itemId: '1', granted: true }]]]);
      await saving;
      expect(journal(), 'cleared once stored').to.deep.equal([]);
      outbox.dispose();
    });

    it('(4) the next page stores and sends what such a tab left, taking its items from older saves', async () => {
      const k = key();
      // An older save still waits for item 2; the closed tab's newer one withdrew it, and its write-ahead never landed.
      await leave(waiting(k, 'older', [{ itemId: '2', granted: true }, { itemId: '3', granted: true }], { seq: 1, ambiguous: false, attempts: 0 }));
      const gone = waiting(k, 'gone', [{ itemId: '2', granted: false }], { seq: 2, createdAt: Date.now(), attemptAt: Date.now() - 60_000, ambiguous: true });
      localStorage.setItem(`consent-elements:outbox-journal:${gone.id}`, JSON.stringify({ entry: gone, knew: ['older'] }));
      const inner = new MemoryTransport({ catalog, state: [{ itemId: '2', granted: true }] });
      const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 0 });
      // The queue as the page reads it first: the newer choice, not the older one it replaced.
      expect((await outbox.queued({ subject })).pending).to.deep.equal([{ itemId: '3', granted: true }, { itemId: '2', granted: false }]);
      expect(journal(), 'stored, so out of the journal').to.deep.equal([]);
      await outbox.flush();
      expect(await outbox.pending()).to.equal(0);
      expect(inner.state.get('2'), 'the latest choice holds').to.equal(false);
      expect(inner.state.get('3')).to.equal(true);
      outbox.dispose();
    });

    it('(4) a queued save refused for good keeps only what no newer save took while it was on its way', async () => {
      let release = () => {};
      /** Offline first; then a resend that hangs and is refused for good; then it works. */
      class Refusing extends MemoryTransport {
        calls = 0;
        override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
          const n = this.calls++;
          if (n === 0) throw offline();
          if (n === 1) {
            await new Promise<void>((r) => (release = r));
            throw new ConsentError('invalid-response', 'Expected JSON but got text/html');
          }
          return super.saveDecisions(q, signal);
        }
      }
      const inner = new Refusing({ catalog });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000, writeDeadline: 0 });
      await outbox.start();
      await outbox.saveDecisions(request([{ itemId: '1', granted: true }, { itemId: '2', granted: true }]));
      const resend = outbox.flush();
      await waitUntil(() => inner.calls === 2, 'the resend did not start');
      // Meanwhile the visitor withdraws item 1.
      const withdrawal = outbox.saveDecisions(request([{ itemId: '1', granted: false }]));
      await waitUntil(async () => (await outbox.queued({ subject })).pending.some((d) => !d.granted), 'the withdrawal is not kept');
      release();
      await Promise.all([resend, withdrawal]);
      const queue = await outbox.queued({ subject });
      expect(queue.failed).to.deep.equal([{ itemId: '2', granted: true }], 'the withdrawn grant is not kept for Retry');
      expect(inner.state.get('1')).to.equal(false);
      outbox.dispose();
    });

    it('(5) an attempt orphaned moments ago is sent once its write deadline has passed, without a reload', async () => {
      const k = key();
      const inner = new MemoryTransport({ catalog });
      await stored(k, 'just-closed', Date.now(), [{ itemId: '2', granted: true }]);
      const outbox = new OutboxTransport(inner, { key: k, minDelay: 600_000, writeDeadline: 300 });
      await outbox.start();
      expect(inner.saved).to.deep.equal([], 'not before the deadline');
      await waitUntil(() => inner.saved.length === 1, 'never sent', { timeout: 5000 });
      expect(inner.saved).to.deep.equal([[{ itemId: '2', granted: true }]]);
    });

    it('(7) a save that waits on a busy provider is reported queued within the save deadline, blaming the provider', async () => {
      const inner = new MemoryTransport({ catalog, saveFailures: [new ConsentError('rate-limited', 'Too many', { status: 429, retryAfter: 600 })] });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
      await outbox.start();
      const receipts = await outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
      expect(receipts).to.deep.equal([{ itemId: '1', granted: true, queued: true, queuedBecause: 'provider' }]);
      const slow = new MemoryTransport({ catalog, latency: 60_000 });
      const waiting = new OutboxTransport(slow, { key: key(), saveDeadline: 200 });
      const t0 = performance.now();
      const r = await waiting.saveDecisions(request([{ itemId: '2', granted: true }]));
      expect(performance.now() - t0).to.be.below(3000);
      expect(r[0]?.queued).to.equal(true);
      waiting.dispose();
    });

    it('uses one idempotency key per save, the same on every attempt', async () => {
      const keys: (string | undefined)[] = [];
      class Keyed extends MemoryTransport {
        readonly idempotentWrites = true;
        override async saveDecisions(q: SaveRequest, signal?: AbortSignal) {
          keys.push(q.idempotencyKey);
          return super.saveDecisions(q, signal);
        }
      }
      const inner = new Keyed({ catalog, saveFailures: [offline()] });
      const outbox = new OutboxTransport(inner, { key: key(), minDelay: 600_000 });
      await outbox.start();
      await outbox.saveDecisions(request([{ itemId: '1', granted: true }]));
      await outbox.flush();
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    });
  });
});
