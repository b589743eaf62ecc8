// The load, choices and save machinery on a host that draws nothing.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { ConsentChangeEvent, ConsentErrorEvent, ConsentSavedEvent } from '../../src/events/index.js';
import { ConsentFormController } from '../../src/internal/consent-form-controller.js';
import { choose } from '../../src/model/decisions.js';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog, ConsentTransport, QueueEvent } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';

const item = (id: string) => ({ id, order: Number(id), active: true, ref: {}, texts: [{ lang: 'en', title: `Item ${id}` }] });
const catalog: ConsentCatalog = { source: 'memory:form', groups: [{ id: 'g', order: 1, active: true, texts: [], items: [item('1'), item('2')] }] };

/** A host with the controller and nothing drawn. */
class FormProbe extends ReactiveElement {
  transport?: ConsentTransport;
  // The same value until it changes, as the element's transport controller gives it (a new one would load again).
  readonly #none = new ConsentError('config', 'no transport');
  readonly form = new ConsentFormController(this, {
    transport: () => this.transport ?? this.#none,
    loadKeys: () => [],
    catalogQuery: () => ({}),
    stateQuery: () => ({ subject: { id: 'v', type: 'EXTERNAL' } }),
    saveFields: () => ({ source: 'probe' }),
    shown: (texts) => texts[0],
  });
}
customElements.define('form-probe', FormProbe);

async function probe(transport?: ConsentTransport) {
  const el = await fixture<FormProbe>(html`<form-probe .transport=${transport}></form-probe>`);
  await waitUntil(() => !el.form.loading, 'loaded');
  return el;
}

describe('ConsentFormController', () => {
  it('loads the catalog and what the provider holds; a choice wins over it until saved', async () => {
    const t = new MemoryTransport({ catalog, state: [{ itemId: '1', granted: true }] });
    const el = await probe(t);
    const loaded = el.form.loaded!;
    expect(loaded.catalog.source).to.equal('memory:form');
    expect([el.form.isOn(item('1'), loaded), el.form.isOn(item('2'), loaded)]).to.deep.equal([true, false]);
    const change = oneEvent(el, 'consent-change') as Promise<ConsentChangeEvent>;
    el.form.choose(choose(el.form.choices, item('2'), true));
    expect((await change).detail.changes).to.deep.equal([{ itemId: '2', granted: true }]);
    expect(el.form.isOn(item('2'), loaded)).to.equal(true);
  });

  it('saves only what changed, with the source, and then has nothing to save', async () => {
    const t = new MemoryTransport({ catalog, state: [{ itemId: '1', granted: true }] });
    const el = await probe(t);
    el.form.choose(choose(el.form.choices, item('1'), true)); // as stored: not a change
    el.form.choose(choose(el.form.choices, item('2'), true));
    const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    await el.form.saveChoices();
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: '2', granted: true }]);
    expect(t.saved).to.deep.equal([[{ itemId: '2', granted: true }]]);
    expect(el.form.save.kind).to.equal('saved');
    expect(el.form.choices.size).to.equal(0);
    await el.form.saveChoices();
    expect(el.form.save.kind).to.equal('nothing');
    expect(t.saved).to.have.length(1);
  });

  it('a refused save keeps the choice and says why', async () => {
    const t = new MemoryTransport({ catalog, saveFailures: [new ConsentError('http', 'refused', { status: 400 })] });
    const el = await probe(t);
    el.form.choose(choose(el.form.choices, item('1'), true));
    const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
    await el.form.saveChoices();
    expect((await failed).detail).to.include({ code: 'http', operation: 'save' });
    expect(el.form.save.kind).to.equal('error');
    expect(el.form.choices.get('1')).to.equal(true);
  });

  it('a cancelled consent-submit sends nothing', async () => {
    const t = new MemoryTransport({ catalog });
    const el = await probe(t);
    el.addEventListener('consent-submit', (e) => e.preventDefault());
    el.form.choose(choose(el.form.choices, item('1'), true));
    await el.form.saveChoices();
    expect(t.saved).to.deep.equal([]);
    expect(el.form.save.kind).to.equal('idle');
  });

  it('without a transport, the load fails with the reason', async () => {
    const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
    await waitUntil(() => el.form.loader.error !== undefined, 'failed');
    expect((el.form.loader.error as ConsentError).code).to.equal('config');
    expect(el.form.loaded).to.equal(undefined);
  });
});

/** A transport that queues and hears other tabs as the outbox does: `tell` plays an outbox event. */
function outboxLike(o: Partial<Pick<ConsentTransport, 'loadState' | 'queued' | 'saveDecisions'>> = {}) {
  const heard: { tell?: (e: QueueEvent) => void } = {};
  const transport: ConsentTransport = {
    name: 'outbox-like',
    loadCatalog: async () => structuredClone(catalog),
    loadState: async () => [],
    queued: async () => ({ pending: [], failed: [] }),
    watch: (_q, fn) => ((heard.tell = fn), () => (heard.tell = undefined)),
    ...o,
  };
  return { transport, heard, tell: (e: QueueEvent) => heard.tell!(e) };
}

describe('ConsentFormController, a save refused while a reload reads the outbox', () => {
  it('does not show the refused choice as stored: Retry sends it again', async () => {
    // The reload reads the outbox while this element's save is still in it (pending), and the save
    // is refused before the reload ends: what the reload read of it is not the provider's.
    let openState = () => {};
    let gate: Promise<void> = Promise.resolve();
    let pending: { itemId: string; granted: boolean }[] = [];
    const transport: ConsentTransport = {
      name: 'slow-outbox',
      loadCatalog: async () => structuredClone(catalog),
      loadState: async () => {
        await gate;
        return [];
      },
      queued: async () => ({ pending, failed: [] }),
      saveDecisions: async () => {
        throw new ConsentError('invalid-response', 'Expected JSON but got text/html');
      },
    };
    const el = await probe(transport);
    el.form.choose(choose(el.form.choices, item('1'), true));
    gate = new Promise<void>((r) => (openState = r));
    pending = [{ itemId: '1', granted: true }];
    el.form.reload();
    await el.form.saveChoices();
    expect(el.form.save.kind).to.equal('error');
    openState();
    await waitUntil(() => !el.form.busy, 'reloaded');
    const loaded = el.form.loaded!;
    expect(loaded.stored.get('1')).to.equal(undefined, 'the refused choice looks stored');
    // Nor said to be queued: what the reload read of it was this save on its way, refused since.
    expect(el.form.save.kind).to.equal('error');
    const submitted = oneEvent(el, 'consent-submit') as Promise<CustomEvent<{ decisions: unknown[] }>>;
    void el.form.saveChoices();
    expect((await submitted).detail.decisions).to.deep.equal([{ itemId: '1', granted: true }]);
  });
});

describe('ConsentFormController, a queued save refused while the first load is under way', () => {
  it('tells the visitor and shows the refused choice with its error, not as kept', async () => {
    let openState = () => {};
    const gate = new Promise<void>((r) => (openState = r));
    let queue: { pending: { itemId: string; granted: boolean }[]; failed: { itemId: string; granted: boolean }[]; error?: ConsentError } = {
      pending: [{ itemId: '1', granted: true }],
      failed: [],
    };
    let reads = 0;
    const { transport, heard, tell } = outboxLike({ loadState: async () => (await gate, []), queued: async () => (reads++, structuredClone(queue)) });
    const el = await fixture<FormProbe>(html`<form-probe .transport=${transport}></form-probe>`);
    await waitUntil(() => heard.tell && reads === 1, 'first load reading');
    // The queued save is refused for good (an HTML page instead of JSON) before the load ends.
    const error = new ConsentError('invalid-response', 'Expected JSON but got text/html');
    queue = { pending: [], failed: [{ itemId: '1', granted: true }], error };
    const told = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
    tell({ type: 'failed', entry: 'e1', seq: 1, announced: true, decisions: [{ itemId: '1', granted: true }], error });
    expect((await told).detail).to.include({ code: 'invalid-response', operation: 'save', queued: false });
    openState();
    await waitUntil(() => !el.form.loading && !el.form.busy && reads >= 2, 'loaded again');
    expect(el.form.save.kind).to.equal('error');
    expect(el.form.choices.get('1')).to.equal(true);
    expect(el.form.loaded!.stored.get('1'), 'not shown as kept').to.equal(undefined);
  });

  it('puts a refused queued choice back at once: a Retry before the reload ends sends it', async () => {
    let gate: Promise<void> = Promise.resolve();
    let open = () => {};
    const sent: { itemId: string; granted: boolean }[][] = [];
    const { transport, tell } = outboxLike({
      loadState: async () => (await gate, []),
      // The first save is kept for later (queued): shown as chosen meanwhile.
      saveDecisions: async (q) => (sent.push(q.decisions), q.decisions.map((d) => ({ ...d, ...(sent.length === 1 ? { queued: true } : {}) }))),
    });
    const el = await probe(transport);
    el.form.choose(choose(el.form.choices, item('2'), true));
    await el.form.saveChoices();
    expect(el.form.loaded!.stored.get('2'), 'queued: shown as kept').to.equal(true);
    // The next read of the provider hangs, as over a slow connection.
    gate = new Promise<void>((r) => (open = r));
    const error = new ConsentError('invalid-response', 'Expected JSON but got text/html');
    tell({ type: 'failed', entry: 'e2', seq: 7, announced: true, decisions: [{ itemId: '2', granted: true }], error });
    expect(el.form.choices.get('2'), 'on screen before the reload ends').to.equal(true);
    await el.form.saveChoices();
    expect(sent, 'sent again, not taken as kept').to.deep.equal([[{ itemId: '2', granted: true }], [{ itemId: '2', granted: true }]]);
    open();
  });
});

describe('ConsentFormController, two tabs retrying the same refused save', () => {
  it('keeps a choice its own save carries when another tab\'s save of the same choice is superseded, and Retry sends it after a refusal', async () => {
    let refuse = (_e: unknown) => {};
    const sent: { itemId: string; granted: boolean }[][] = [];
    const { transport, tell } = outboxLike({
      // The first save waits, then is refused for good; the next is stored.
      saveDecisions: (q) => {
        sent.push(q.decisions);
        return sent.length === 1 ? new Promise((_, reject) => (refuse = reject)) : Promise.resolve(q.decisions.map((d) => ({ ...d })));
      },
    });
    const el = await probe(transport);
    el.form.choose(choose(el.form.choices, item('2'), true));
    const first = el.form.saveChoices();
    await waitUntil(() => sent.length === 1, 'saving');
    // The other tab's Retry of the same choice, replaced by this tab's newer one.
    tell({ type: 'superseded', entry: 'other', seq: 3, remote: true, decisions: [{ itemId: '2', granted: true }] });
    refuse(new ConsentError('invalid-response', 'Expected JSON but got text/html'));
    await first;
    expect(el.form.save.kind).to.equal('error');
    expect(el.form.choices.get('2'), 'still the visitor\'s choice, on screen with Retry').to.equal(true);
    await el.form.saveChoices();
    expect(sent, 'Retry sends it again').to.deep.equal([[{ itemId: '2', granted: true }], [{ itemId: '2', granted: true }]]);
  });
});

describe('ConsentFormController, another tab\'s save confirmed after the visitor chose again here', () => {
  it('keeps the newer choice made here: the confirmation is of a save already shown', async () => {
    const sent: { itemId: string; granted: boolean }[][] = [];
    const { transport, tell } = outboxLike({ loadState: async () => [{ itemId: '2', granted: true }], saveDecisions: async (q) => (sent.push(q.decisions), q.decisions.map((d) => ({ ...d }))) });
    const el = await probe(transport);
    // The other tab withdraws (its save's time, on the outbox's clock, is now); this tab shows it at once.
    const seq = performance.timeOrigin + performance.now();
    const withdrawn = [{ itemId: '2', granted: false }];
    tell({ type: 'pending', entry: 'other', seq, remote: true, decisions: withdrawn });
    expect(el.form.value['2']).to.equal(false);
    // The visitor, seeing that here, grants again; then the other tab's save is confirmed.
    await new Promise((r) => setTimeout(r, 5));
    el.form.choose(choose(el.form.choices, item('2'), true));
    tell({ type: 'sent', entry: 'other', seq, remote: true, decisions: withdrawn, receipts: withdrawn });
    expect(el.form.choices.get('2'), 'the later choice made here').to.equal(true);
    await el.form.saveChoices();
    expect(sent, 'and Save sends it').to.deep.equal([[{ itemId: '2', granted: true }]]);
  });

  it('drops a choice made here before another tab\'s newer save of the item', async () => {
    const { transport, tell } = outboxLike({ saveDecisions: async (q) => q.decisions.map((d) => ({ ...d })) });
    const el = await probe(transport);
    el.form.choose(choose(el.form.choices, item('2'), true));
    await new Promise((r) => setTimeout(r, 5));
    const seq = performance.timeOrigin + performance.now();
    tell({ type: 'pending', entry: 'other', seq, remote: true, decisions: [{ itemId: '2', granted: false }] });
    expect(el.form.choices.has('2'), 'the other tab chose later').to.equal(false);
    expect(el.form.value['2']).to.equal(false);
  });
});
