import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentPurposeTemplate } from '../../src/elements/consent-purpose-template/consent-purpose-template.js';
import type { ConsentErrorEvent, ConsentSavedEvent } from '../../src/events/index.js';
import { forgetCatalogs } from '../../src/transports/builtins.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { clearFaults, consentuaHostApi, queueFault, received, simAdmin, superofficeHostApi } from '../helpers.js';
import { $, $$, button, groupToggle, input, localeIs, ready } from './harness.js';

const question = (el: Element) => $(el, '[part~="question"]')?.textContent?.trim();

const templateEl = (userId = `user-${crypto.randomUUID()}`, lang = 'en') =>
  fixture<ConsentPurposeTemplate>(html`<consent-purpose-template
    provider="host"
    endpoint=${consentuaHostApi()}
    client-id="266"
    service-id="105"
    template-id="41"
    subject=${userId}
    lang=${lang}
  ></consent-purpose-template>`).then(ready);

describe('<consent-purpose-template> against the host backend and Consentua simulator', () => {
  afterEach(() => clearFaults());

  it('shows the question, groups and purposes in Position order, deleted ones absent', async () => {
    const el = await templateEl();
    expect(question(el)).to.equal('How may we use your data?');
    expect($$(el, '[part~="group"]').map((f) => f.dataset.group)).to.deep.equal(['g77', 'g78', 'g79']);
    expect($$(el, 'fieldset[data-group="g77"] li[data-item]').map((li) => li.dataset.item)).to.deep.equal(['313', '312', '314']);
    expect($(el, '[data-item="311"]'), 'deleted purpose').to.equal(null);
    expect($(el, '[data-group="g80"]'), 'deleted group').to.equal(null);
    expect($$<HTMLInputElement>(el, 'input').filter((i) => i.checked)).to.have.length(0);
  });

  it('is accessible', async () => {
    const el = await templateEl();
    await expect(el).to.be.accessible();
  });

  it('shows data use, third party and a sensitive badge, and links only http(s) addresses', async () => {
    const el = await templateEl();
    expect($(el, '[data-item="312"] [part~="data-use"]')!.textContent).to.equal('Data: Your e-mail address');
    expect($(el, '[data-item="330"] [part~="third-party"]')!.textContent).to.equal('Shared with Nordic Travel AS');
    expect($(el, '[data-item="320"] [part~="sensitive"]')!.textContent).to.equal('Sensitive data: Health');
    const withdraw = $<HTMLAnchorElement>(el, '[data-item="312"] a[part~="withdraw-link"]')!;
    expect([withdraw.textContent, withdraw.href]).to.deep.equal(['How to withdraw', 'https://example.com/privacy#unsubscribe']);
    const link = $<HTMLAnchorElement>(el, '[data-item="312"] a[part~="link"]')!;
    expect(link.href).to.equal('https://example.com/privacy#newsletter');
    expect(link.rel).to.equal('noopener noreferrer');
    expect($(el, '[data-item="313"] a'), 'javascript: URI').to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('switches language by loading the template in that language, keeping unsaved choices', async () => {
    const el = await templateEl();
    input(el, '313')!.click();
    el.lang = 'nb-NO';
    await waitUntil(() => question(el) === 'Hvordan kan vi bruke dataene dine?', 'Norwegian template', { timeout: 5000 });
    await localeIs(el, 'nb');
    await el.updateComplete;
    expect(button(el, 'save').textContent!.trim()).to.equal('Lagre valgene');
    expect(input(el, '313')!.checked, 'unsaved choice survives').to.equal(true);
    el.lang = 'sv';
    await waitUntil(() => question(el) === 'Hur får vi använda dina uppgifter?', 'Swedish template', { timeout: 5000 });
    el.lang = 'en';
    await localeIs(el, 'en');
  });

  it('lets each purpose of a Binary group be answered on its own, and its box allow them all', async () => {
    const el = await templateEl();
    // Group 77 is Binary, as in the reference's sample, with three purposes.
    expect($$(el, 'fieldset[data-group="g77"] input[data-item-input]').map((i) => i.dataset.itemInput)).to.deep.equal(['313', '312', '314']);
    expect(groupToggle(el, 'g77').parentElement!.textContent!.trim()).to.equal('All');
    input(el, '312').click();
    let saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: '312', granted: true }]);
    groupToggle(el, 'g79').click();
    saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    expect((await saved).detail.decisions).to.deep.equal([
      { itemId: '331', granted: true },
      { itemId: '330', granted: true },
    ]);
  });

  it('keeps one yes/no ("Allow") for a Binary group of a single purpose', async () => {
    const item = { id: 'p1', order: 1, active: true, ref: {}, texts: [{ lang: 'en', title: 'Newsletter' }] };
    const catalog = { source: 'memory:one', groups: [{ id: 'g1', order: 1, active: true, display: 'binary' as const, texts: [{ lang: 'en', title: 'News' }], items: [item] }] };
    const el = await fixture<ConsentPurposeTemplate>(html`<consent-purpose-template .transport=${new MemoryTransport({ catalog })}></consent-purpose-template>`);
    await ready(el);
    expect(input(el, 'p1'), 'no second control for the same purpose').to.equal(null);
    expect(groupToggle(el, 'g1').parentElement!.textContent!.trim()).to.equal('Allow');
    groupToggle(el, 'g1').click();
    const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: 'p1', granted: true }]);
  });

  it('saves with SetConsents and shows the saved answers after a reload, with the template version', async () => {
    const userId = `user-${crypto.randomUUID()}`;
    const el = await templateEl(userId);
    input(el, '312')!.click();
    input(el, '320')!.click();
    const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    const detail = (await saved).detail;
    expect(detail.receipts.map((r) => [r.itemId, r.granted, r.version])).to.deep.equal([
      ['312', true, '3'],
      ['320', true, '3'],
    ]);
    const body = (await received('/consentua/userconsent/SetConsents')).at(-1)!.body;
    expect(body.Consent.Purposes).to.deep.equal([
      { ConsentTemplateId: 41, PurposeId: 312, Consent: true },
      { ConsentTemplateId: 41, PurposeId: 320, Consent: true },
    ]);
    el.remove();
    const again = await templateEl(userId);
    expect(input(again, '312')!.checked).to.equal(true);
    expect(input(again, '320')!.checked).to.equal(true);
    expect(input(again, '313')!.checked).to.equal(false);
  });

  it('shows an error with Retry when Consentua refuses the backend, and recovers', async () => {
    forgetCatalogs(); // the catalog must come from the provider, not this page's cache
    await queueFault('401', { path: '/consentua/template/Get', times: 8 });
    const el = document.createElement('consent-purpose-template');
    Object.assign(el, { provider: 'host', endpoint: consentuaHostApi(), clientId: '266', serviceId: '105', templateId: '41', userId: 'u-err', lang: 'en' });
    const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
    document.body.append(el);
    try {
      expect((await failed).detail).to.include({ code: 'unauthorized', operation: 'load' });
      await ready(el);
      await clearFaults();
      const loaded = oneEvent(el, 'consent-load');
      button(el, 'retry').click();
      await loaded;
      await el.updateComplete;
      expect(question(el)).to.equal('How may we use your data?');
    } finally {
      el.remove();
    }
  });
});

describe('<consent-purpose-template> with SuperOffice purposes through the host backend', () => {
  const soEl = (lang = 'en') =>
    fixture<ConsentPurposeTemplate>(
      html`<consent-purpose-template provider="host" endpoint=${superofficeHostApi()} lang=${lang}></consent-purpose-template>`,
    ).then(ready);

  it('shows the purposes by rank in the page language and saves grant and withdrawal', async () => {
    const el = await soEl('de');
    await localeIs(el, 'de');
    await el.updateComplete;
    expect($$(el, 'li[data-item]').map((li) => li.dataset.item)).to.deep.equal(['EVENTS', 'STORE', 'EMARKETING']);
    expect($(el, '[data-item="STORE"] [part~="item-title"]')!.textContent).to.equal('Speicherung personenbezogener Daten');
    // The one group has no title of its own: a human heading in the page language, never its id.
    expect($(el, 'legend')!.textContent!.trim()).to.equal('Ihre Einwilligungen');
    const want = !input(el, 'STORE')!.checked;
    input(el, 'STORE')!.click();
    const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: 'STORE', granted: want }]);
    const last = (await received('/superoffice/api/v1/Person/30336/Consent/STORE')).at(-1)!;
    expect(last.method).to.equal(want ? 'PUT' : 'DELETE');
    el.remove();
    const again = await soEl('en');
    expect(input(again, 'STORE')!.checked).to.equal(want);
  });

  it('shows a row on legitimate interest as such, not as a consent; the visitor may object, sent as a withdrawal', async () => {
    // Staff recorded events for this person on legitimate interest (61F), from source USER.
    await simAdmin('superoffice/rows', { personId: 30336, key: 'EVENTS', legalBase: '61F', source: 'USER' });
    const el = await soEl('en');
    const record = () => $(el, '[data-item="EVENTS"] [part~="record"]')!;
    expect(record().dataset.basis).to.equal('legitimate-interest');
    expect(record().textContent).to.match(/Processed on legitimate interest since .+, not on your consent\. Recorded via User\./);
    expect(input(el, 'EVENTS')!.checked, 'not a consent the visitor gave').to.equal(false);
    // Saving untouched sends nothing: leaving it is not an objection.
    button(el, 'save').click();
    await waitUntil(() => $(el, '[part~="status"]')!.textContent!.includes('Nothing has changed'));

    $(el, '[data-item="EVENTS"] [part~="object"]')!.click();
    await el.updateComplete;
    expect(record().textContent).to.contain('Your objection is sent when you save.');
    const saved = oneEvent(el, 'consent-saved') as Promise<ConsentSavedEvent>;
    button(el, 'save').click();
    expect((await saved).detail.decisions).to.deep.equal([{ itemId: 'EVENTS', granted: false }]);
    expect((await received('/superoffice/api/v1/Person/30336/Consent/EVENTS')).at(-1)!.method).to.equal('DELETE');
    await el.updateComplete;
    expect($(el, '[data-item="EVENTS"] [part~="record"]'), 'the old record no longer describes it').to.equal(null);
    el.remove();

    const again = await soEl('de');
    await localeIs(again, 'de');
    await again.updateComplete;
    const after = $(again, '[data-item="EVENTS"] [part~="record"]')!;
    expect(after.dataset.basis).to.equal('withdrawn');
    expect(after.textContent).to.match(/Widerrufen am .+\. Erfasst über User\./);
    again.remove();
  });
});

describe('<consent-purpose-template> right to left', () => {
  it('indents a purpose’s facts from the start side, whichever side that is', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
    const el = document.createElement('consent-purpose-template');
    Object.assign(el, { provider: 'host', endpoint: consentuaHostApi(), clientId: '266', serviceId: '105', templateId: '41', subject: `user-${crypto.randomUUID()}`, lang: 'en' });
    wrap.append(el);
    await ready(el);
    const facts = $(el, '[part~="facts"]')!;
    const style = getComputedStyle(facts);
    expect([style.marginRight, style.marginLeft]).to.deep.equal(['32px', '0px']);
  });
});
