import { aTimeout, elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import type { ConsentChangeEvent, ConsentErrorEvent, ConsentLoadEvent, ConsentSavedEvent, ConsentSubmitEvent } from '../../src/events/index.js';
import { nextSlice } from '../../src/internal/consent-form-element.js';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog, ConsentItem } from '../../src/model/types.js';
import { ConnectTransport } from '../../src/transports/connect/connect.js';
import { configure } from '../../src/config.js';
import { forgetCatalogs } from '../../src/transports/builtins.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { OutboxTransport } from '../../src/transports/core/outbox.js';
import { $, $$, button, groupToggle, input, legends, localeIs, ready, statusText } from './harness.js';
import { capi, clearFaults, eventsFor, HOSTILE, hostApi, newSubject, NORDLYS, queueFault, userToken } from '../helpers.js';

// ---- helpers -------------------------------------------------------------------------------

const catalogRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/consent/catalog')).length;

const hostPicker = (subject = newSubject(), attrs: { issuer?: string; lang?: string } = {}) =>
  fixture<ConsentGroupPicker>(html`<consent-group-picker
    provider="host"
    endpoint=${hostApi()}
    issuer=${attrs.issuer ?? NORDLYS}
    subject=${subject}
    lang=${attrs.lang ?? 'en-GB'}
    source="Test"
  ></consent-group-picker>`).then(ready);

const leaf = (id: string, title: string, extra: Partial<ConsentItem> = {}): ConsentItem => ({
  id,
  order: Number(id),
  texts: [{ lang: 'en', title, description: `${title} description` }],
  active: true,
  ref: {},
  ...extra,
});
const memoryCatalog = (): ConsentCatalog => ({
  source: 'memory',
  groups: [
    {
      id: 'g1',
      order: 1,
      active: true,
      texts: [{ lang: 'en', title: 'Mail', description: 'Letters and email' }],
      items: [leaf('1', 'Newsletter', { children: [leaf('2', 'Sport'), leaf('3', 'Culture')] }), leaf('4', 'Offers')],
    },
    { id: 'g2', order: 2, active: true, texts: [{ lang: 'en', title: 'Phone' }], items: [leaf('5', 'Calls')] },
  ],
});
const memoryPicker = (transport: MemoryTransport) =>
  fixture<ConsentGroupPicker>(html`<consent-group-picker lang="en" .transport=${transport}></consent-group-picker>`).then(ready);

// ---- tests ---------------------------------------------------------------------------------

describe('<consent-group-picker>', () => {
  afterEach(async () => {
    await clearFaults();
    document.documentElement.lang = 'en-GB';
  });

  describe('against the host backend and simulator', () => {
    it('renders groups and consents in selectionOrder, nested, without inactive ones', async () => {
      const el = await hostPicker();
      expect(legends(el)).to.deep.equal(['Marketing', 'Digital Communication', 'Research and surveys', 'Personalisation', 'Partners']);
      const newsletterIds = $$(el, 'fieldset[data-group="1"] input[data-item-input]').map((i) => i.dataset.itemInput);
      expect(newsletterIds).to.deep.equal(['5', '1', '2', '3', '4']);
      // children sit in a nested list under their parent
      expect($(el, 'li[data-item="1"] > ul li[data-item="3"]')).to.exist;
      expect($(el, '[data-item="51"]'), 'inactive consent').to.equal(null);
      expect($(el, '[data-group="5"]'), 'inactive group').to.equal(null);
    });

    it('is accessible', async () => {
      const el = await hostPicker();
      await expect(el).to.be.accessible();
    });

    it('pre-ticks nothing for a visitor without stored consent', async () => {
      const el = await hostPicker();
      expect($$<HTMLInputElement>(el, 'input[type=checkbox]').filter((i) => i.checked)).to.have.length(0);
    });

    it('shows the page language, falls back per text, and switches language without a new request', async () => {
      const el = await hostPicker(newSubject(), { lang: 'nb-NO' });
      await localeIs(el, 'nb');
      await el.updateComplete;
      expect(legends(el)).to.deep.equal(['Markedsføring', 'Digital kommunikasjon', 'Forskning og undersøkelser', 'Personalisation', 'Partnere']);
      // A fallback text carries its own language, so it is read in that language (WCAG 3.1.2).
      expect($$(el, 'legend').map((l) => l.lang)).to.deep.equal(['nb-NO', 'nb-NO', 'nb-NO', 'en-GB', 'nb-NO']);
      expect(button(el, 'accept-all').textContent!.trim()).to.equal('Godta alle');
      const before = catalogRequests();
      el.lang = 'sv_SE';
      await localeIs(el, 'sv');
      await el.updateComplete;
      expect(legends(el)).to.deep.equal(['Marknadsföring', 'Digital Communication', 'Forskning och undersökningar', 'Anpassning', 'Partner']);
      expect(button(el, 'accept-all').textContent!.trim()).to.equal('Godkänn alla');
      el.lang = 'no';
      await localeIs(el, 'nb');
      await el.updateComplete;
      expect(legends(el)[0]).to.equal('Markedsføring');
      await aTimeout(50);
      expect(catalogRequests()).to.equal(before);
      el.lang = 'en-GB';
      await localeIs(el, 'en');
    });

    it('lets two pickers of the same catalog share one request, and keeps it for the next one', async () => {
      forgetCatalogs();
      const count = (what: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(`/api/consent/${what}`)).length;
      const [catalogs, states] = [count('catalog'), count('state')];
      const subject = newSubject();
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <consent-group-picker provider="host" endpoint=${hostApi()} issuer=${NORDLYS} subject=${subject}></consent-group-picker>
        <consent-group-picker provider="host" endpoint=${hostApi()} issuer=${NORDLYS} subject=${subject}></consent-group-picker>
      </div>`);
      const pickers = [...wrap.querySelectorAll('consent-group-picker')];
      await Promise.all(pickers.map(ready));
      expect(pickers.map((p) => legends(p).length)).to.deep.equal([5, 5]);
      expect([count('catalog') - catalogs, count('state') - states]).to.deep.equal([1, 1]);
      const later = await hostPicker(subject);
      expect(legends(later)).to.have.length(5);
      expect(count('catalog') - catalogs, 'kept catalog reused').to.equal(1);
      expect(JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.includes(NORDLYS))!)!).catalog.groups).to.have.length(5);
    });

    it('follows <html lang> when it has no lang of its own', async () => {
      const el = await fixture<ConsentGroupPicker>(
        html`<consent-group-picker provider="host" endpoint=${hostApi()} issuer=${NORDLYS} subject=${newSubject()}></consent-group-picker>`,
      ).then(ready);
      expect(legends(el)[0]).to.equal('Marketing');
      document.documentElement.lang = 'sv-SE';
      await localeIs(el, 'sv');
      await el.updateComplete;
      expect(legends(el)[0]).to.equal('Marknadsföring');
      document.documentElement.lang = 'en-GB';
      await localeIs(el, 'en');
    });

    it('prefills the visitor’s stored decisions from the event history', async () => {
      const subject = newSubject();
      const first = await hostPicker(subject);
      input(first, '11').click();
      input(first, '30').click();
      button(first, 'save').click();
      await oneEvent(first, 'consent-saved');
      const el = await hostPicker(subject);
      expect(input(el, '11').checked).to.equal(true);
      expect(input(el, '30').checked).to.equal(true);
      expect(input(el, '10').checked).to.equal(false);
    });

    it('can be used with the keyboard alone: Tab, Space, Enter', async () => {
      const subject = newSubject();
      const el = await hostPicker(subject);
      // Focus the first control of the picker, then move with Tab only.
      groupToggle(el, '2').focus();
      await sendKeys({ press: 'Tab' }); // → "Offers by email" (10)
      expect(el.shadowRoot!.activeElement).to.equal(input(el, '10'));
      await sendKeys({ press: ' ' }); // Space (a name both Playwright and Puppeteer know)
      expect(input(el, '10').checked).to.equal(true);
      await sendKeys({ press: 'Tab' }); // → 11
      await sendKeys({ press: 'Tab' }); // → 12
      await sendKeys({ press: ' ' }); // Space (a name both Playwright and Puppeteer know)
      expect(input(el, '12').checked).to.equal(true);
      button(el, 'reject-all').focus();
      await sendKeys({ press: 'Tab' }); // accept all
      await sendKeys({ press: 'Tab' }); // save
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'save'));
      const saved = oneEvent(el, 'consent-saved');
      await sendKeys({ press: 'Enter' });
      await saved;
      expect(statusText(el)).to.equal('Your choices are saved.');
      expect(el.shadowRoot!.activeElement, 'focus stays on Save, not <body>').to.equal(button(el, 'save'));
      expect((await eventsFor(subject)).map((e) => [e.consentId, e.action])).to.deep.equal([
        [10, true],
        [12, true],
      ]);
    });

    it('fires typed events with their details', async () => {
      const subject = newSubject();
      const el = document.createElement('consent-group-picker');
      Object.assign(el, { provider: 'host', endpoint: hostApi(), issuer: NORDLYS, subject, lang: 'en-GB', source: 'Test' });
      const load = oneEvent(el, 'consent-load') as Promise<ConsentLoadEvent>;
      document.body.append(el);
      try {
        const loaded = await load;
        expect(loaded.detail.catalog.groups).to.have.length(5);
        expect(loaded.bubbles && loaded.composed).to.equal(true);
        await ready(el);

        const change = oneEvent(el, 'consent-change') as Promise<ConsentChangeEvent>;
        input(el, '21').click();
        const changed = (await change).detail;
        expect(changed.changes).to.deep.equal([{ itemId: '21', granted: true }]);
        expect(changed.decisions.find((d) => d.itemId === '21')).to.deep.equal({ itemId: '21', granted: true });
        expect(changed.decisions.filter((d) => d.granted)).to.have.length(1);

        const submit = oneEvent(el, 'consent-submit') as Promise<ConsentSubmitEvent>;
        const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
        button(el, 'save').click();
        expect((await submit).detail.decisions).to.deep.equal([{ itemId: '21', granted: true }]);
        const detail = (await saved).detail;
        expect(detail.queued).to.equal(false);
        expect(detail.decisions).to.deep.equal([{ itemId: '21', granted: true }]);
        expect(detail.receipts).to.have.length(1);
        expect(detail.receipts[0]).to.include({ itemId: '21', granted: true });
        expect(detail.receipts[0]!.id).to.match(/^\d+$/);
      } finally {
        el.remove();
      }
    });

    it('shows hostile provider text as text', async () => {
      const el = await hostPicker(newSubject(), { issuer: HOSTILE });
      expect(legends(el)[0]).to.equal('<b>Bold</b> group <script>window.__pwned = true</script>');
      expect($(el, '[part~="group-description"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect($(el, '[part~="item-title"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelectorAll('img, script, b, a')).to.have.length(0);
      expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    });

    it('shows an error with Retry on malformed provider JSON, and Retry recovers', async () => {
      const token = await userToken(newSubject());
      const transport = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token, retries: 0 });
      await queueFault('malformed', { path: `/capi/v1/customer/privacy/consentGroups/${NORDLYS}` });
      const el = document.createElement('consent-group-picker');
      Object.assign(el, { transport, issuer: NORDLYS, lang: 'en-GB' });
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      document.body.append(el);
      try {
        const error = (await failed).detail;
        expect(error).to.include({ code: 'invalid-response', retryable: false, operation: 'load' });
        await ready(el);
        expect($(el, '[part~="error"]')!.textContent).to.contain('could not be loaded');
        expect($(el, 'fieldset')).to.equal(null);
        const loaded = oneEvent(el, 'consent-load');
        button(el, 'retry').click();
        await loaded;
        await el.updateComplete;
        expect($(el, '[part~="error"]')).to.equal(null);
        expect(legends(el)).to.have.length(5);
      } finally {
        el.remove();
      }
    });

    it('shows the host backend’s error code when the provider fails behind it', async () => {
    forgetCatalogs(); // the catalog must come from the provider, not this page's cache
      await queueFault('html', { path: `/capi/v1/client/customer/privacy/consentGroups/${NORDLYS}`, times: 3 });
      const el = document.createElement('consent-group-picker');
      Object.assign(el, { provider: 'host', endpoint: hostApi(), issuer: NORDLYS, subject: newSubject() });
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      document.body.append(el);
      try {
        expect((await failed).detail).to.include({ code: 'invalid-response', status: 502 });
      } finally {
        el.remove();
      }
    });
  });

  describe('with the memory transport', () => {
    it('shows a skeleton with reserved height while loading', async () => {
      const el = await fixture<ConsentGroupPicker>(
        html`<consent-group-picker .transport=${new MemoryTransport({ catalog: memoryCatalog(), latency: Infinity })}></consent-group-picker>`,
      );
      expect($(el, '[part~="skeleton"]')).to.exist;
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
      expect(statusText(el)).to.equal('Loading your choices…');
    });

    it('keeps the focus on Accept all through a slow save, refusing a second press meanwhile', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog(), latency: 300 });
      const el = await memoryPicker(transport);
      const saves = () => transport.saved.length;
      button(el, 'accept-all').focus();
      const saved = oneEvent(el, 'consent-saved');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button(el, 'accept-all').getAttribute('aria-disabled'), 'busy').to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'accept-all'));
      await sendKeys({ press: 'Enter' });
      button(el, 'reject-all').click();
      await saved;
      await el.updateComplete;
      expect(saves(), 'one save').to.equal(1);
      expect(input(el, '1').checked, 'the second press and Reject all changed nothing').to.equal(true);
      expect(el.shadowRoot!.activeElement, 'focus stays on the pressed button').to.equal(button(el, 'accept-all'));
      expect(button(el, 'accept-all').getAttribute('aria-disabled')).to.equal(null);
    });

    it('shows an empty state when there is nothing to choose', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: { source: 'memory', groups: [] } }));
      expect($(el, '[part~="empty"]')).to.exist;
      expect($(el, 'button')).to.equal(null);
    });

    it('disables nested consents while their parent is off, and sets them with it', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: memoryCatalog() }));
      expect(input(el, '2').disabled).to.equal(true);
      input(el, '1').click();
      await el.updateComplete;
      expect(input(el, '2').disabled).to.equal(false);
      expect([input(el, '2').checked, input(el, '3').checked]).to.deep.equal([true, true]);
      input(el, '3').click();
      await el.updateComplete;
      expect(input(el, '3').checked).to.equal(false);
      input(el, '1').click();
      await el.updateComplete;
      expect([input(el, '2').disabled, input(el, '2').checked]).to.deep.equal([true, false]);
    });

    it('has a tri-state group toggle', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: memoryCatalog() }));
      const toggle = groupToggle(el, 'g1');
      expect([toggle.checked, toggle.indeterminate]).to.deep.equal([false, false]);
      input(el, '4').click();
      await el.updateComplete;
      expect([toggle.checked, toggle.indeterminate]).to.deep.equal([false, true]);
      toggle.click();
      await el.updateComplete;
      expect(['1', '2', '3', '4'].map((id) => input(el, id).checked)).to.deep.equal([true, true, true, true]);
      expect([toggle.checked, toggle.indeterminate]).to.deep.equal([true, false]);
      toggle.click();
      await el.updateComplete;
      expect(['1', '4'].map((id) => input(el, id).checked)).to.deep.equal([false, false]);
      expect(input(el, '5').checked, 'other group untouched').to.equal(false);
    });

    it('accepts all and rejects all in one click each, sending only changes', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog(), state: [{ itemId: '5', granted: true }] });
      const el = await memoryPicker(transport);
      button(el, 'accept-all').click();
      await oneEvent(el, 'consent-saved');
      expect(transport.saved[0]).to.deep.equal([
        { itemId: '1', granted: true },
        { itemId: '4', granted: true },
      ]);
      button(el, 'reject-all').click();
      await oneEvent(el, 'consent-saved');
      expect(transport.saved[1]).to.deep.equal([
        { itemId: '1', granted: false },
        { itemId: '4', granted: false },
        { itemId: '5', granted: false },
      ]);
      expect($$<HTMLInputElement>(el, 'input').some((i) => i.checked)).to.equal(false);
    });

    it('does not save when consent-submit is cancelled', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog() });
      const el = await memoryPicker(transport);
      el.addEventListener('consent-submit', (e) => e.preventDefault(), { once: true });
      input(el, '4').click();
      button(el, 'save').click();
      await aTimeout(20);
      expect(transport.saved).to.have.length(0);
      button(el, 'save').click();
      await oneEvent(el, 'consent-saved');
      expect(transport.saved).to.deep.equal([[{ itemId: '4', granted: true }]]);
    });

    it('says so when there is nothing new to save', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: memoryCatalog() }));
      button(el, 'save').click();
      await el.updateComplete;
      expect(statusText(el)).to.equal('Nothing has changed since you last saved.');
    });

    it('keeps the choices when saving fails, and Retry saves them', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog() });
      const el = await memoryPicker(transport);
      transport.failures.push(new ConsentError('network', 'offline'));
      input(el, '5').click();
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      button(el, 'save').click();
      expect((await failed).detail).to.include({ code: 'network', operation: 'save', retryable: true });
      await el.updateComplete;
      expect($(el, '[part~="error"]')!.textContent).to.contain('were not saved');
      expect(input(el, '5').checked).to.equal(true);
      button(el, 'retry').click();
      await oneEvent(el, 'consent-saved');
      expect(transport.saved).to.deep.equal([[{ itemId: '5', granted: true }]]);
    });

    it('(4) still shows a queued save refused while another save was on its way, with Retry', async () => {
      const transport = new MemoryTransport({
        catalog: memoryCatalog(),
        saveFailures: [new ConsentError('network', 'offline'), new ConsentError('invalid-response', 'Expected JSON but got text/html')],
      });
      const outbox = new OutboxTransport(transport, { key: `picker-${Math.random()}`, minDelay: 600_000, writeDeadline: 0 });
      const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker lang="en" .transport=${outbox}></consent-group-picker>`).then(ready);
      input(el, '5').click();
      button(el, 'save').click();
      await waitUntil(() => statusText(el).includes('will be sent'), 'not queued', { timeout: 5000 });
      // The next save sends the queued one first: the provider refuses it for good, then takes this one.
      input(el, '4').click();
      const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
      button(el, 'save').click();
      expect((await saved).detail.decisions).to.deep.equal([{ itemId: '4', granted: true }]);
      await waitUntil(() => $(el, '[part~="error"]'), 'the refused save is no longer shown');
      expect(input(el, '5').checked).to.equal(true, 'the refused choice is back on screen');
      expect(transport.saved).to.deep.equal([[{ itemId: '4', granted: true }]]);
      button(el, 'retry').click();
      await waitUntil(() => transport.saved.length === 2, 'Retry did not send the refused choice');
      expect(transport.saved[1]).to.deep.equal([{ itemId: '5', granted: true }]);
      outbox.dispose();
    });

    it('reports a missing transport as a config error without Retry', async () => {
      const el = document.createElement('consent-group-picker');
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      document.body.append(el);
      try {
        expect((await failed).detail.code).to.equal('config');
        await ready(el);
        expect($(el, '[part~="retry"]')).to.equal(null);
      } finally {
        el.remove();
      }
    });

    it('reports unsupported when the transport cannot save', async () => {
      const transport = { name: 'read-only', loadCatalog: async () => memoryCatalog() };
      const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker .transport=${transport}></consent-group-picker>`).then(ready);
      input(el, '4').click();
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      button(el, 'save').click();
      expect((await failed).detail.code).to.equal('unsupported');
    });

    it('uses a page-wide transport from configure()', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog() });
      configure({ transport });
      try {
        const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker></consent-group-picker>`).then(ready);
        expect(legends(el)).to.deep.equal(['Mail', 'Phone']);
      } finally {
        configure({ transport: undefined });
      }
    });

    it('gives an anonymous visitor a pseudonymous EXTERNAL subject kept in localStorage', async () => {
      const seen: unknown[] = [];
      const transport = new MemoryTransport({ catalog: memoryCatalog() });
      const spy = { name: 'spy', loadCatalog: transport.loadCatalog.bind(transport), loadState: async (q: { subject?: unknown }) => (seen.push(q.subject), []) };
      await fixture(html`<consent-group-picker .transport=${spy}></consent-group-picker>`).then((e) => ready(e as ConsentGroupPicker));
      const id = localStorage.getItem('consent-elements:subject');
      expect(id).to.match(/^[0-9a-f-]{36}$/);
      expect(seen).to.deep.equal([{ id, type: 'EXTERNAL' }]);
      await elementUpdated(document.body);
    });

    it('(8) shows an error with Retry, not a stuck skeleton, for a catalog nested beyond the limit', async () => {
      const deep = (n: number): ConsentItem => (n ? leaf(String(n), `Level ${n}`, { children: [deep(n - 1)] }) : leaf('0', 'Level 0'));
      const catalog: ConsentCatalog = { source: 'memory', groups: [{ id: 'g', order: 0, active: true, texts: [], items: [deep(1000)] }] };
      const transport = new MemoryTransport({ catalog });
      const failed = new Promise<ConsentErrorEvent>((resolve) => document.addEventListener('consent-error', (e) => resolve(e as ConsentErrorEvent), { once: true }));
      const el = await memoryPicker(transport);
      expect((await failed).detail.code).to.equal('invalid-response');
      expect($(el, '[part~="error"]')).to.exist;
      expect($(el, '[part~="skeleton"]')).to.equal(null);
    });

    /** A catalog at the limits: 200 groups of 10. */
    const big = (): ConsentCatalog => ({
      source: 'memory',
      groups: Array.from({ length: 200 }, (_, g) => ({
        id: `g${g}`, order: g, active: true, texts: [{ lang: 'en', title: `Group ${g}` }],
        items: Array.from({ length: 10 }, (_, i) => leaf(String(g * 10 + i), `Item ${g * 10 + i}`)),
      })),
    });

    it('(8) draws the first slice of a huge catalog in a task after the one that loaded it', async () => {
      const el = document.createElement('consent-group-picker');
      el.transport = new MemoryTransport({ catalog: big() });
      const loaded = oneEvent(el, 'consent-load');
      const box = await fixture<HTMLElement>(html`<div></div>`);
      box.append(el);
      await loaded;
      await el.updateComplete;
      expect($$(el, 'input[data-item-input]').length, 'drawn in the task of the load').to.equal(0);
      expect($(el, '[part~="skeleton"]')).to.exist;
      await waitUntil(() => $$(el, 'input[data-item-input]').length > 0, 'never drawn');
    });

    it('(8) draws a catalog at the limits a slice at a time, all of it in the end, controls enabled then', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: big() }));
      expect($$(el, 'input[data-item-input]').length).to.be.below(2000, 'not drawn in one task');
      await waitUntil(() => $$(el, 'input[data-item-input]').length === 2000, 'never drawn whole', { timeout: 10000 });
      await el.updateComplete;
      expect(button(el, 'save').getAttribute('aria-disabled')).to.equal(null);
      expect(input(el, '1999').matches(':disabled')).to.equal(false);
    });

    it('(8) Accept all on a huge catalog: the groups in view at once, those off screen in later tasks, all of them in the end', async () => {
      const el = await memoryPicker(new MemoryTransport({ catalog: big() }));
      const boxes = () => $$<HTMLInputElement>(el, 'input[data-item-input]');
      await waitUntil(() => boxes().length === 2000 && button(el, 'accept-all').getAttribute('aria-disabled') === null, 'never drawn whole', { timeout: 10000 });
      // The browser has told which lists it skips, off screen.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const saved = oneEvent(el, 'consent-saved');
      button(el, 'accept-all').click();
      await el.updateComplete;
      const checked = () => boxes().filter((b) => b.checked).length;
      expect($$<HTMLInputElement>(el, 'fieldset[data-group="g0"] input[data-item-input]').every((b) => b.checked), 'the group in view').to.equal(true);
      expect(checked(), 'not all drawn again in the task of the click').to.be.below(2000);
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy'), 'busy until drawn').to.equal('true');
      await saved;
      await waitUntil(() => checked() === 2000, 'the groups off screen never drawn again', { timeout: 10000 });
      await el.updateComplete;
      expect(button(el, 'save').getAttribute('aria-disabled')).to.equal(null);
      expect(input(el, '1999').matches(':disabled')).to.equal(false);
    });

    it('(8) sizes each slice of a huge catalog by how long the last took to draw', () => {
      // 100 items in 40 ms: 30 fit in the 12 ms a slice may take.
      expect(nextSlice(100, 40)).to.equal(30);
      // A quick slice makes the next at most half as big again; a very slow one still draws 10.
      expect(nextSlice(40, 1)).to.equal(60);
      expect(nextSlice(100, 1000)).to.equal(10);
    });

    it('(8) wraps a 100,000-character word instead of widening the page', async () => {
      const word = 'x'.repeat(100_000);
      const catalog: ConsentCatalog = {
        source: 'memory',
        groups: [{ id: 'g', order: 0, active: true, texts: [{ lang: 'en', title: word, description: word }], items: [leaf('1', word)] }],
      };
      const el = await fixture<ConsentGroupPicker>(html`<div style="width: 320px"><consent-group-picker lang="en" .transport=${new MemoryTransport({ catalog })}></consent-group-picker></div>`)
        .then((d) => ready(d.firstElementChild as ConsentGroupPicker));
      expect($(el, '[part~="base"]')!.scrollWidth).to.be.at.most(320);
    });

    it('labels an unexpected throw internal and not retryable', async () => {
      const transport = new MemoryTransport({ catalog: memoryCatalog() });
      const broken = { name: 'broken', loadCatalog: transport.loadCatalog.bind(transport), loadState: async () => { throw new TypeError('x is undefined'); } };
      const failed = new Promise<ConsentErrorEvent>((resolve) => document.addEventListener('consent-error', (e) => resolve(e as ConsentErrorEvent), { once: true }));
      await fixture(html`<consent-group-picker .transport=${broken}></consent-group-picker>`);
      const { detail } = await failed;
      expect([detail.code, detail.retryable]).to.deep.equal(['internal', false]);
    });
  });
});

describe('<consent-group-picker> value and input (v-model, form libraries)', () => {
  const answers = (el: ConsentGroupPicker) => ({ ...el.value });

  it('reads every answer shown, the same object until one changes', async () => {
    const el = await memoryPicker(new MemoryTransport({ catalog: memoryCatalog(), state: [{ itemId: '4', granted: true }] }));
    expect(answers(el)).to.deep.equal({ '1': false, '2': false, '3': false, '4': true, '5': false });
    expect(el.value).to.equal(el.value);
    const before = el.value;
    input(el, '5').click();
    expect(el.value).not.to.equal(before);
    expect(el.value['5']).to.equal(true);
  });

  it('fires one input event per visitor change, after value has changed', async () => {
    const el = await memoryPicker(new MemoryTransport({ catalog: memoryCatalog() }));
    const seen: Record<string, boolean>[] = [];
    el.addEventListener('input', () => seen.push({ ...el.value }));
    input(el, '4').click();
    expect(seen).to.deep.equal([{ '1': false, '2': false, '3': false, '4': true, '5': false }]);
    button(el, 'accept-all').click();
    expect(seen.length).to.equal(2);
    expect(Object.values(seen[1]!).every(Boolean)).to.equal(true);
  });

  it('takes a value set by the program: shown, unsaved, no events, unknown ids ignored; Save sends it', async () => {
    const transport = new MemoryTransport({ catalog: memoryCatalog() });
    const el = await memoryPicker(transport);
    let events = 0;
    el.addEventListener('input', () => events++);
    el.addEventListener('consent-change', () => events++);
    el.value = { '5': true, nope: true, '4': false };
    await elementUpdated(el);
    expect(input(el, '5').checked).to.equal(true);
    expect(events).to.equal(0);
    expect(transport.saved).to.deep.equal([]);
    // Setting what is shown again changes nothing (a framework writes it back after every render).
    const same = el.value;
    el.value = { ...same };
    expect(el.value).to.equal(same);
    await el.saveChoices();
    expect(transport.saved).to.deep.equal([[{ itemId: '5', granted: true }]]);
  });

  it('keeps a value set before the load and shows it once loaded', async () => {
    const transport = new MemoryTransport({ catalog: memoryCatalog(), latency: 50 });
    const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker lang="en" .transport=${transport}></consent-group-picker>`);
    expect(el.value).to.deep.equal({});
    el.value = { '4': true };
    await ready(el);
    expect(input(el, '4').checked).to.equal(true);
    expect(el.value['4']).to.equal(true);
  });
});

describe('<consent-group-picker> languages of its parts', () => {
  it('marks its buttons and messages with the UI language, the provider texts with their own', async () => {
    // Vietnamese has no translation: the buttons are English and must not claim to be Vietnamese.
    const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker lang="vi" .transport=${new MemoryTransport({ catalog: memoryCatalog() })}></consent-group-picker>`).then(ready);
    expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('en');
    expect(button(el, 'accept-all').closest('[lang]')!.getAttribute('lang')).to.equal('en');
    expect($(el, '[part~="item-title"]')!.getAttribute('lang')).to.equal('en');
    el.lang = 'nb-NO';
    await waitUntil(() => button(el, 'accept-all').textContent!.trim() === 'Godta alle');
    expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('nb');
    el.lang = 'ar';
    await waitUntil(() => button(el, 'accept-all').textContent!.trim() === 'قبول الكل');
    expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('ar');
  });
});
