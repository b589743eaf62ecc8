import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConsentPrompt } from '../../src/elements/consent-prompt/consent-prompt.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import type { ConsentCatalog, ConsentItem } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { $ } from './harness.js';

const leaf = (id: string, title: string): ConsentItem => ({ id, order: Number(id), texts: [{ lang: 'en', title }], active: true, ref: {} });
const catalog = (...items: ConsentItem[]): ConsentCatalog => ({
  source: 'memory',
  groups: [{ id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'Our partners' }], items }],
});
const two = () => catalog(leaf('1', 'Analytics'), leaf('2', 'Videos'));

async function prompt(transport: MemoryTransport, layout = 'modal') {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before</button>
    <consent-prompt layout=${layout}><consent-group-picker lang="en" .transport=${transport}></consent-group-picker></consent-prompt>
  </div>`);
  const el = wrap.querySelector('consent-prompt')!;
  const picker = el.querySelector('consent-group-picker') as ConsentGroupPicker;
  return { wrap, el, picker, dialog: () => $<HTMLDialogElement>(el, 'dialog')! };
}
const opened = (d: () => HTMLDialogElement) => waitUntil(() => d().open, 'the prompt did not open', { timeout: 5000 });
const active = (el: ConsentPrompt) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<consent-prompt>', () => {
  it('opens while consents are undecided, naming them; keyboard only from first Tab to saved; focus goes back', async () => {
    const transport = new MemoryTransport({ catalog: two() });
    document.body.focus();
    const before = document.createElement('button');
    before.textContent = 'Page control';
    document.body.append(before);
    before.focus();
    const { el, picker, dialog } = await prompt(transport);
    await opened(dialog);
    expect([...el.shadowRoot!.querySelectorAll('[part~="list"] li')].map((li) => li.textContent)).to.deep.equal(['Analytics', 'Videos']);
    expect(active(el)?.getAttribute('part')).to.equal('button reject-all', 'focus moved into the prompt');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('button accept-all');
    const saved = oneEvent(picker, 'consent-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: '1', granted: true }, { itemId: '2', granted: true }]);
    await waitUntil(() => !dialog().open, 'closed once all is decided');
    expect(document.activeElement).to.equal(before, 'focus is back where it was');
    before.remove();
  });

  it('is accessible while open', async () => {
    const { el, dialog } = await prompt(new MemoryTransport({ catalog: two() }));
    await opened(dialog);
    await expect(el).to.be.accessible();
  });

  it('never opens for a visitor with nothing undecided', async () => {
    const { picker, dialog } = await prompt(new MemoryTransport({ catalog: two(), state: [{ itemId: '1', granted: false }, { itemId: '2', granted: true }] }));
    await waitUntil(() => picker.undecided !== undefined && (picker as unknown as { form: { loaded?: unknown } }).form.loaded, 'loaded');
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog().open).to.equal(false);
  });

  it('closes on Esc without deciding; opens again when the provider adds a consent', async () => {
    const transport = new MemoryTransport({ catalog: two(), state: [{ itemId: '1', granted: true }] });
    const { el, picker, dialog } = await prompt(transport);
    await opened(dialog);
    expect(el.shadowRoot!.querySelectorAll('[part~="list"] li')).to.have.length(1, 'only the undecided one');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog().open, 'Esc closes');
    expect([...transport.state]).to.deep.equal([['1', true]], 'nothing decided');
    // Decided, then the provider adds one.
    await picker.chooseAll(true);
    transport.catalog = catalog(leaf('1', 'Analytics'), leaf('2', 'Videos'), leaf('3', 'Maps'));
    picker.reload();
    await opened(dialog);
    expect([...el.shadowRoot!.querySelectorAll('[part~="list"] li')].map((li) => li.textContent)).to.deep.equal(['Maps']);
  });

  it('"Choose" shows the picker inside; a save there closes it; Reject all records refusals', async () => {
    const transport = new MemoryTransport({ catalog: two() });
    const { el, picker, dialog } = await prompt(transport, 'banner');
    await opened(dialog);
    expect(picker.checkVisibility()).to.equal(false);
    ($<HTMLButtonElement>(el, 'button[part~="choose"]')!).click();
    await waitUntil(() => picker.checkVisibility(), 'the picker is shown');
    ($<HTMLInputElement>(picker, 'input[data-item-input="2"]')!).click();
    ($<HTMLButtonElement>(picker, 'button[part~="reject-all"]')!).click();
    await waitUntil(() => !dialog().open, 'closed after the save');
    expect([...transport.state].sort()).to.deep.equal([['1', false], ['2', false]]);
  });

  it('works the same with a <consent-purpose-template> inside', async () => {
    const transport = new MemoryTransport({ catalog: two() });
    const wrap = await fixture<HTMLDivElement>(html`<div><consent-prompt><consent-purpose-template lang="en" .transport=${transport}></consent-purpose-template></consent-prompt></div>`);
    const el = wrap.querySelector('consent-prompt')!;
    const dialog = () => $<HTMLDialogElement>(el, 'dialog')!;
    await opened(dialog);
    expect([...el.shadowRoot!.querySelectorAll('[part~="list"] li')].map((li) => li.textContent)).to.deep.equal(['Analytics', 'Videos']);
    ($<HTMLButtonElement>(el, 'button[part~="accept-all"]')!).click();
    await waitUntil(() => !dialog().open, 'closed once all is decided');
    expect([...transport.state].sort()).to.deep.equal([['1', true], ['2', true]]);
  });
});
