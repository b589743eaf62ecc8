// The picker's privacy rights: a copy of the visitor's data, or its erasure, each asked first.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import type { ConsentErrorEvent, PrivacyRequestEvent } from '../../src/events/index.js';
import { ConsentError } from '../../src/model/errors.js';
import type { ConsentCatalog } from '../../src/model/types.js';
import { ConnectTransport } from '../../src/transports/connect/connect.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { capi, clientToken, env, userToken } from '../helpers.js';
import { $, ready } from './harness.js';

const catalog: ConsentCatalog = {
  source: 'memory:privacy',
  groups: [{ id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'News' }], items: [{ id: 'c1', order: 1, active: true, ref: {}, texts: [{ lang: 'en', title: 'Weekly' }] }] }],
};
const picker = (t: MemoryTransport | ConnectTransport, rights = true) =>
  fixture<ConsentGroupPicker>(html`<consent-group-picker ?privacy-rights=${rights} .transport=${t}></consent-group-picker>`).then(ready);
const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog[part~="privacy-dialog"]')!;

describe('<consent-group-picker privacy-rights>', () => {
  it('shows nothing without the attribute', async () => {
    const el = await picker(new MemoryTransport({ catalog }), false);
    expect($(el, '[part~="privacy"]')).to.equal(null);
  });

  it('draws its buttons with the choices, not after them (their code loads on demand, with the catalog)', async () => {
    const el = document.createElement('consent-group-picker');
    el.privacyRights = true;
    el.transport = new MemoryTransport({ catalog });
    const loaded = oneEvent(el, 'consent-load');
    document.body.append(el);
    await loaded;
    expect($(el, '[part~="item"]'), 'the choices').to.not.equal(null);
    expect($(el, 'button[part~="privacy-access"]'), 'the buttons, in the same frame').to.not.equal(null);
    el.remove();
  });

  it('shows the buttons once the attribute is set after the load', async () => {
    const el = await picker(new MemoryTransport({ catalog }), false);
    el.privacyRights = true;
    await waitUntil(() => $(el, 'button[part~="privacy-erasure"]'), 'no buttons');
  });

  it('asks first, says what happens, and sends an erasure request without a receipt when so chosen', async () => {
    const t = new MemoryTransport({ catalog });
    const el = await picker(t);
    $<HTMLButtonElement>(el, 'button[part~="privacy-erasure"]')!.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).querySelector('h2')!.textContent).to.equal('Ask to delete your data?');
    expect(dialog(el).textContent).to.contain('the data we hold about you is deleted');
    expect(t.privacyRequests, 'nothing is sent before the visitor confirms').to.deep.equal([]);
    dialog(el).querySelector<HTMLInputElement>('input[name="receipt"]')!.click();
    const done = oneEvent(el, 'privacy-request') as Promise<PrivacyRequestEvent>;
    dialog(el).querySelector<HTMLButtonElement>('button[value="send"]')!.click();
    expect((await done).detail).to.deep.equal({ right: 'erasure', accepted: true, receiptSent: false });
    expect(t.privacyRequests).to.deep.equal([{ right: 'erasure', sendReceipt: false }]);
    expect(dialog(el).open).to.equal(false);
    await el.updateComplete;
    expect($(el, '[part~="privacy-status"]')!.textContent!.trim()).to.equal('Your request was sent.');
  });

  it('sends nothing when the visitor cancels', async () => {
    const t = new MemoryTransport({ catalog });
    const el = await picker(t);
    $<HTMLButtonElement>(el, 'button[part~="privacy-access"]')!.click();
    await el.updateComplete;
    expect(dialog(el).querySelector('h2')!.textContent).to.equal('Request a copy of your data?');
    dialog(el).querySelector<HTMLButtonElement>('button[value="cancel"]')!.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(t.privacyRequests).to.deep.equal([]);
  });

  it('says when the request failed, with a consent-error of operation privacy', async () => {
    const t = new MemoryTransport({ catalog });
    const el = await picker(t);
    t.failures.push(new ConsentError('network', 'offline'));
    $<HTMLButtonElement>(el, 'button[part~="privacy-access"]')!.click();
    await el.updateComplete;
    const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
    dialog(el).querySelector<HTMLButtonElement>('button[value="send"]')!.click();
    expect((await failed).detail).to.include({ code: 'network', operation: 'privacy' });
    await el.updateComplete;
    expect($(el, '[part~="privacy-status"]')!.textContent).to.contain('Your request could not be sent.');
  });

  it('is accessible with the dialog open', async () => {
    const el = await picker(new MemoryTransport({ catalog }));
    $<HTMLButtonElement>(el, 'button[part~="privacy-access"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('connect privacy requests against the simulator', () => {
  it('opens an access and an erasure case for the reader of the token (user mode)', async () => {
    const token = await userToken('connectid-kari');
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token });
    expect(await t.requestPrivacy({ right: 'access', sendReceipt: true })).to.deep.equal({ accepted: true, receiptSent: true });
    expect(await t.requestPrivacy({ right: 'erasure', sendReceipt: false })).to.deep.equal({ accepted: true, receiptSent: false });
    const { requests } = (await (await fetch(`${env().simulator}/__sim/privacy-requests`)).json()) as { requests: { right: string; subject: string }[] };
    expect(requests.slice(-2).map((r) => [r.right, r.subject])).to.deep.equal([['access', 'connectid-kari'], ['erasure', 'connectid-kari']]);
  });

  it('refuses client mode: the request is the reader’s own', async () => {
    const token = await clientToken();
    const t = new ConnectTransport({ endpoint: capi(), mode: 'client', getToken: () => token });
    let code = '';
    await t.requestPrivacy({ right: 'access', sendReceipt: true }).catch((e: ConsentError) => (code = e.code));
    expect(code).to.equal('unsupported');
  });

  it('shows the buttons on a picker in Connect user mode', async () => {
    const token = await userToken('connectid-kari');
    const t = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token });
    const el = await fixture<ConsentGroupPicker>(html`<consent-group-picker privacy-rights issuer="468979834" .transport=${t}></consent-group-picker>`);
    await waitUntil(() => $(el, 'button[part~="privacy-access"]'), 'privacy buttons', { timeout: 10000 });
  });
});
