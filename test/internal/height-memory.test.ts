import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentAccessGate } from '../../src/elements/consent-access-gate/consent-access-gate.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { $, ready } from '../elements/harness.js';

// The heights an element had when the visitor last left the page (HeightMemory): kept in
// localStorage, read once per page, so they are written before the first element connects.
const KEPT = 600;
const WIDTH = 400;
const key = (tag: string, id: string) => `${location.pathname}|${tag}#${id}|en|${WIDTH}`;
before(() => {
  localStorage.setItem(
    'consent-elements:heights',
    JSON.stringify(Object.fromEntries(['loading', 'failing', 'loaded'].flatMap((id) => [[key('consent-group-picker', id), KEPT], [key('consent-access-gate', id), KEPT]]))),
  );
});
after(() => localStorage.removeItem('consent-elements:heights'));

const catalog = (): ConsentCatalog => ({
  source: 'memory',
  groups: [{ id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'Mail' }], items: [{ id: '1', order: 1, active: true, texts: [{ lang: 'en', title: 'Newsletter' }], ref: {}, children: [] }] }],
});

const picker = (id: string, transport: MemoryTransport) =>
  fixture<HTMLElement>(html`<div style="inline-size: ${WIDTH}px"><consent-group-picker id=${id} lang="en" .transport=${transport}></consent-group-picker></div>`).then(
    (box) => box.querySelector<ConsentGroupPicker>('consent-group-picker')!,
  );

describe('HeightMemory', () => {
  it('gives a loading picker the height it had last time', async () => {
    const el = await picker('loading', new MemoryTransport({ catalog: catalog(), latency: Infinity }));
    await el.updateComplete;
    expect(el.style.blockSize).to.equal(`${KEPT}px`);
    expect(el.getBoundingClientRect().height).to.equal(KEPT);
  });

  it('gives the height back once the picker shows what it loaded', async () => {
    const el = await picker('loaded', new MemoryTransport({ catalog: catalog() })).then(ready);
    await waitUntil(() => el.style.blockSize === '', 'kept height not given back');
    expect(el.getBoundingClientRect().height).to.be.below(KEPT);
  });

  it('gives the height back when the picker could not load: no empty band under its error', async () => {
    const transport = new MemoryTransport({ catalog: catalog() });
    transport.failures.push(new ConsentError('http', 'The provider answered 500.', { status: 500 }));
    const el = await picker('failing', transport);
    await ready(el);
    expect($(el, '[part~="error"]'), 'error shown').to.exist;
    expect(el.style.blockSize).to.equal('');
    expect(el.getBoundingClientRect().height).to.be.below(KEPT);
  });

  it('gives the height back when a gate could not check access', async () => {
    const transport = new MemoryTransport({ catalog: catalog() });
    transport.failures.push(new ConsentError('http', 'The provider answered 500.', { status: 500 }));
    const box = await fixture<HTMLElement>(
      html`<div style="inline-size: ${WIDTH}px"><consent-access-gate id="failing" lang="en" product="p" .transport=${transport}><p>Granted</p></consent-access-gate></div>`,
    );
    const gate = box.querySelector<ConsentAccessGate>('consent-access-gate')!;
    if (gate.state === 'loading') await oneEvent(gate, 'consent-error');
    await gate.updateComplete;
    expect(gate.state).to.equal('error');
    expect(gate.style.blockSize).to.equal('');
  });
});
