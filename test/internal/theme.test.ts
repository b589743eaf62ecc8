import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import type { ConsentAccessGate } from '../../src/elements/consent-access-gate/consent-access-gate.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import type { ConsentCatalog } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { ready, settled } from '../elements/harness.js';

const catalog: ConsentCatalog = {
  source: 'memory',
  groups: [{ id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'Embeds' }], items: [{ id: 'video', order: 1, active: true, ref: {}, texts: [{ lang: 'en', title: 'Videos' }] }] }],
};
const LIGHT_TEXT = 'rgb(27, 31, 36)';
const DARK_TEXT = 'rgb(232, 234, 237)';

const picker = (attrs = html``, theme?: string) =>
  fixture<ConsentGroupPicker>(html`<div>${attrs}<consent-group-picker theme=${theme ?? ''} .transport=${new MemoryTransport({ catalog })}></consent-group-picker></div>`).then(
    (box) => ready(box.querySelector('consent-group-picker')!),
  );
const textColour = (el: Element) => getComputedStyle(el).color;

/** Its colour scheme, and (where the system can be emulated dark) its text colour. */
const scheme = (el: Element) => getComputedStyle(el).colorScheme;

describe('themes', () => {
  // The visitor's system prefers dark throughout: only a page or theme that opts in may follow it.
  // (Firefox under this runner cannot emulate it: there the colour scheme each element takes is checked.)
  let systemDark = false;
  before(async () => {
    systemDark = await emulateMedia({ colorScheme: 'dark' }).then(() => true, () => false);
  });
  after(() => systemDark && emulateMedia({ colorScheme: 'light' }));
  afterEach(() => configure({ theme: undefined }));

  it('stays light on a page that declares no colour scheme, even when the system is dark', async () => {
    const el = await picker();
    expect(scheme(el)).to.equal('normal');
    if (systemDark) expect(textColour(el)).to.equal(LIGHT_TEXT);
  });

  it('follows a page that opts in to light and dark', async () => {
    const box = await fixture<HTMLElement>(html`<div style="color-scheme: light dark"><consent-group-picker .transport=${new MemoryTransport({ catalog })}></consent-group-picker></div>`);
    const el = await ready(box.querySelector('consent-group-picker')!);
    expect(scheme(el)).to.equal('light dark');
    if (systemDark) expect(textColour(el)).to.equal(DARK_TEXT);
  });

  it('takes its own theme, else configure({ theme }), over the page', async () => {
    expect(textColour(await picker(html``, 'dark'))).to.equal(DARK_TEXT);
    const auto = await picker(html``, 'auto');
    expect(scheme(auto)).to.equal('light dark');
    if (systemDark) expect(textColour(auto), 'auto: the system’s').to.equal(DARK_TEXT);
    configure({ theme: 'dark' });
    const el = await picker();
    await el.updateComplete;
    expect(textColour(el), 'configure()').to.equal(DARK_TEXT);
    el.theme = 'light';
    await el.updateComplete;
    expect(textColour(el), 'its own wins').to.equal(LIGHT_TEXT);
  });

  for (const theme of ['light', 'dark'])
    it(`keeps the gate's messages readable on a white page in the ${theme} theme (axe)`, async () => {
      const box = await fixture<HTMLElement>(html`<div style="background: #fff"><consent-access-gate theme=${theme} consent="video" .transport=${new MemoryTransport({ catalog })}></consent-access-gate><consent-access-gate theme=${theme} consent="missing" .transport=${new MemoryTransport({ catalog })}></consent-access-gate></div>`);
      const gates = [...box.querySelectorAll<ConsentAccessGate>('consent-access-gate')];
      await Promise.all(gates.map(settled));
      await Promise.all(gates.map((g) => g.updateComplete));
      await expect(box).to.be.accessible();
    });
});
