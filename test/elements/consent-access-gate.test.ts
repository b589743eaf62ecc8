import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConsentAccessGate } from '../../src/elements/consent-access-gate/consent-access-gate.js';
import { ConsentSavedEvent, type AccessChangeEvent, type ConsentErrorEvent } from '../../src/events/index.js';
import { transportFor } from '../../src/transports/core/registry.js';
import { shared } from '../../src/transports/core/share.js';
import type { ConsentCatalog } from '../../src/model/types.js';
import { ConnectTransport } from '../../src/transports/connect/connect.js';
import { CspTransport } from '../../src/transports/csp/csp.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { capi, clearFaults, CSP_IDS, CSP_ORG, cspToken, env, hostApi, queueFault, received } from '../helpers.js';
import { settled } from './harness.js';
import { consents } from '../../src/page/consents.js';

const catalog: ConsentCatalog = { source: 'memory', groups: [] };
const stampedIn = (el: Element) => [...el.children].filter((c) => c.localName !== 'template' && !c.hasAttribute('slot'));

describe('<consent-access-gate>', () => {
  // Gates naming the same provider share its transport and its kept answers: start each test afresh.
  beforeEach(() => shared(transportFor('host', hostApi())).forget());
  afterEach(() => clearFaults());

  describe('entitlement, through the host backend and the Connect simulator', () => {
    const gate = (product: string) =>
      fixture<ConsentAccessGate>(html`<consent-access-gate provider="host" endpoint=${hostApi()} product=${product}>
        <template><p class="secret">Subscribers read on</p></template>
        <p slot="denied" class="offer">Subscribe</p>
      </consent-access-gate>`);

    it('opens for a subscribed product, stamps the template and reflects access level and type', async () => {
      const el = await gate('CO27409');
      await settled(el);
      expect(el.state).to.equal('granted');
      expect(el.matches(':state(granted)')).to.equal(true);
      expect([el.getAttribute('access-level'), el.getAttribute('access-type')]).to.deep.equal(['A', 'A']);
      expect(el.querySelector('p.secret')!.textContent).to.equal('Subscribers read on');
      expect(el.querySelector('p.secret')!.assignedSlot).to.exist;
      await expect(el).to.be.accessible();
    });

    it('asks with Connect’s flags and IP access: the backend adds the reader and the address it sees', async () => {
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate provider="host" endpoint=${hostApi()} access-azure-ad access-article ip-access>
        <template><p class="secret">Campus edition</p></template>
      </consent-access-gate>`);
      await settled(el);
      const sent = (await received('/capi/v1/client/customer/access')).at(-1)!.body;
      expect([sent.accessAzureAd, sent.accessArticle, sent.accessAidFamily, sent.accessDomain]).to.deep.equal([true, true, undefined, undefined]);
      // The address is the one the backend saw (this machine), not anything the page could name.
      expect(sent.ip).to.match(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
      expect(sent.uniqueId, 'the session’s reader').to.be.a('string');
      expect(el.state).to.equal('granted');
      expect(el.querySelector('p.secret')).to.exist;
    });

    it('stays closed for a product the reader lacks: denied slot, nothing stamped', async () => {
      const el = await gate('PREMIUM');
      await settled(el);
      expect(el.state).to.equal('denied');
      expect(el.hasAttribute('access-level')).to.equal(false);
      expect(el.querySelector('p.secret')).to.equal(null);
      expect(el.querySelector<HTMLElement>('p.offer')!.assignedSlot!.name).to.equal('denied');
    });

    it('closes again and emits access-change when the product changes', async () => {
      const el = await gate('CO27409');
      await settled(el);
      const change = oneEvent(el, 'access-change') as Promise<AccessChangeEvent>;
      el.product = 'PREMIUM';
      expect((await change).detail).to.include({ granted: false, reason: 'not-entitled' });
      expect(el.querySelector('p.secret')).to.equal(null);
    });

    it('retries after 429 and then shows the answer', async () => {
      await queueFault('429', { path: '/capi/v1/client/customer/access', ms: 0 });
      const el = await gate('CO27409');
      await settled(el);
      expect(el.state).to.equal('granted');
      const asked = (await received('/capi/v1/client/customer/access')).length;
      expect(asked).to.be.greaterThan(0);
    });

    it('makes one request for ten gates with the same question', async () => {
      const count = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/consent/access')).length;
      // The browser keeps 250 resource entries by default, and the test page's modules fill them.
      performance.clearResourceTimings();
      const before = count();
      const wrap = await fixture<HTMLDivElement>(html`<div>
        ${Array.from({ length: 10 }, () => html`<consent-access-gate provider="host" endpoint=${hostApi()} product="CO27409" article-id="578943434"></consent-access-gate>`)}
      </div>`);
      const gates = [...wrap.querySelectorAll('consent-access-gate')];
      await waitUntil(() => gates.every((g) => g.state === 'granted'), 'all gates open', { timeout: 10000 });
      expect(count() - before).to.equal(1);
    });
  });

  it('opens for a subscriber and stays closed for a reader without subscription (user mode)', async () => {
    const { userToken, READER } = await import('../helpers.js');
    const gateFor = async (connectId: string) => {
      const token = await userToken(connectId);
      // In user mode the page knows the signed-in reader's own ids; the simulator checks them against the token.
      const transport = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => token, identity: () => READER });
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate .transport=${transport} product="CO27409"></consent-access-gate>`);
      await settled(el);
      return el;
    };
    expect((await gateFor('connectid-kari')).state).to.equal('granted');
    expect((await gateFor('connectid-ola')).state).to.equal('denied');
  });

  it('shows the error slot with unauthorized when the provider refuses the token', async () => {
    const transport = new ConnectTransport({ endpoint: capi(), mode: 'user', getToken: () => 'not-a-token', retries: 0 });
    const el = document.createElement('consent-access-gate');
    Object.assign(el, { transport, product: 'CO27409' });
    el.innerHTML = '<template><p class="secret">x</p></template>';
    const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
    document.body.append(el);
    try {
      expect((await failed).detail).to.include({ code: 'unauthorized', operation: 'access' });
      await elementUpdated(el);
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.querySelector('slot[name="error"] [part~="message"]')!.textContent).to.contain('not signed in');
      expect(el.querySelector('p.secret')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  describe('CSP consents', () => {
    const cspGate = async (consent: string) => {
      const token = await cspToken();
      const transport = new CspTransport({ endpoint: env().simulator, orgId: CSP_ORG, getToken: () => token });
      return fixture<ConsentAccessGate>(html`<consent-access-gate .transport=${transport} consent=${consent}>
        <template><p class="panel">Support session</p></template>
      </consent-access-gate>`);
    };

    it('ACTIVE opens, REQUESTED is pending, REJECTED is denied', async () => {
      const active = await cspGate(CSP_IDS.active);
      await settled(active);
      expect(active.state).to.equal('granted');
      expect(active.querySelector('p.panel')).to.exist;
      const requested = await cspGate(CSP_IDS.requested);
      await settled(requested);
      expect(requested.state).to.equal('pending');
      expect(requested.shadowRoot!.querySelector('slot[name="pending"]')!.textContent).to.contain('Waiting for approval.');
      expect(requested.querySelector('p.panel')).to.equal(null);
      const rejected = await cspGate(CSP_IDS.rejected);
      await settled(rejected);
      expect(rejected.state).to.equal('denied');
    });
  });

  describe('consent gating with the memory transport', () => {
    it('fails closed while loading and runs a gated script only once consent is given', async () => {
      const transport = new MemoryTransport({ catalog, latency: 30 });
      const w = window as unknown as { gatedRan?: number };
      w.gatedRan = 0;
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate .transport=${transport} consent="media">
        <template><script>window.gatedRan++;</script><p class="embed">embed</p></template>
      </consent-access-gate>`);
      expect(el.state).to.equal('loading');
      expect(stampedIn(el)).to.have.length(0);
      await settled(el);
      expect(el.state).to.equal('denied');
      expect(w.gatedRan).to.equal(0);
      transport.state.set('media', true);
      const opened = oneEvent(el, 'access-change') as Promise<AccessChangeEvent>;
      // What a picker on the page dispatches after the provider confirmed.
      document.body.dispatchEvent(new ConsentSavedEvent({ decisions: [{ itemId: 'media', granted: true }], receipts: [], queued: false }));
      expect((await opened).detail).to.include({ granted: true, reason: 'consent-given' });
      expect(el.state).to.equal('granted');
      expect(w.gatedRan).to.equal(1);
      expect(el.querySelector('p.embed')).to.exist;
      transport.state.set('media', false);
      document.body.dispatchEvent(new ConsentSavedEvent({ decisions: [{ itemId: 'media', granted: false }], receipts: [], queued: false }));
      await waitUntil(() => el.state === 'denied', undefined, { timeout: 5000 });
      expect(el.querySelector('p.embed')).to.equal(null);
      expect(w.gatedRan).to.equal(1);
    });

    it('by default asks for just its consent, in the provider’s words: one click grants it and shows the content', async () => {
      const withVideo: ConsentCatalog = {
        source: 'memory',
        groups: [{ id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'Embeds' }], items: [{ id: 'video', order: 1, active: true, ref: {}, texts: [{ lang: 'en', title: 'Videos from our video partner', description: 'Loads the partner’s player' }] }] }],
      };
      const transport = new MemoryTransport({ catalog: withVideo });
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate lang="en" .transport=${transport} issuer="x-issuer" consent="video" choices-href="/privacy">
        <template><p class="embed">embed</p></template>
      </consent-access-gate>`);
      await settled(el);
      const prompt = () => el.shadowRoot!.querySelector('[part~="consent"]');
      await waitUntil(() => prompt(), 'the compact prompt');
      expect(prompt()!.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Videos from our video partner — Loads the partner’s player');
      expect(el.shadowRoot!.querySelector('[part~="choices"]')!.getAttribute('href')).to.equal('/privacy');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'consent-saved');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="allow"]')!.focus();
      await sendKeys({ press: 'Enter' });
      expect((await saved).detail.decisions).to.deep.equal([{ itemId: 'video', granted: true }]);
      await waitUntil(() => el.state === 'granted', 'opened', { timeout: 5000 });
      expect(el.querySelector('p.embed')).to.exist;
      // The pressed button went with the prompt: the focus is on the gate, where the content is.
      await waitUntil(() => document.activeElement === el, `focus on the gate, not ${document.activeElement?.localName}`);
      el.blur();
      expect(el.hasAttribute('tabindex'), 'focusable only until the focus leaves').to.equal(false);
      expect(transport.state.get('video')).to.equal(true);
      expect(consents.get('video', 'x-issuer'), 'the page knows').to.equal(true);
    });

    it('keeps a denied slot of the page’s own instead of the compact prompt', async () => {
      const transport = new MemoryTransport({ catalog });
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate .transport=${transport} issuer="x-issuer" consent="media"><p slot="denied" class="own">Ours</p></consent-access-gate>`);
      await settled(el);
      expect(el.querySelector<HTMLElement>('p.own')!.assignedSlot!.name).to.equal('denied');
    });

    it('needs every condition when both entitlement and consent are asked', async () => {
      const transport = new MemoryTransport({ catalog, entitlements: ['CO27409'], state: [{ itemId: 'media', granted: false }] });
      const el = await fixture<ConsentAccessGate>(html`<consent-access-gate .transport=${transport} product="CO27409" consent="media"></consent-access-gate>`);
      await settled(el);
      expect(el.state).to.equal('denied');
      transport.state.set('media', true);
      el.recheck();
      await waitUntil(() => el.state === 'granted', undefined, { timeout: 5000 });
    });

    it('shares one check between ten gates asking the same', async () => {
      const transport = new MemoryTransport({ catalog, entitlements: ['X'], latency: 20 });
      const wrap = await fixture<HTMLDivElement>(html`<div>${Array.from({ length: 10 }, () => html`<consent-access-gate .transport=${transport} product="X"></consent-access-gate>`)}</div>`);
      await waitUntil(() => [...wrap.querySelectorAll('consent-access-gate')].every((g) => g.state === 'granted'), undefined, { timeout: 5000 });
      expect(transport.accessChecks).to.equal(1);
    });

    it('reports unsupported for a transport that cannot check access', async () => {
      const el = document.createElement('consent-access-gate');
      Object.assign(el, { transport: { name: 'plain', loadCatalog: async () => catalog }, consent: 'x' });
      const failed = oneEvent(el, 'consent-error') as Promise<ConsentErrorEvent>;
      document.body.append(el);
      try {
        expect((await failed).detail.code).to.equal('unsupported');
        await elementUpdated(el);
        expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
      } finally {
        el.remove();
      }
    });
  });
});
