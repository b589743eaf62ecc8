import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import { startBlocking } from '../../src/page/blocking.js';
import type { ConsentReloadEvent } from '../../src/events/consent-reload.js';
import { startConsentMode } from '../../src/page/consent-mode.js';
import { consents, publish } from '../../src/page/consents.js';
import { startPageConsents } from '../../src/page/read.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import type { ConsentStateDetail, ConsentStateEvent } from '../../src/events/consent-state.js';

type TestWindow = Window & { gatedRuns?: number; inlineRuns?: number; moduleRuns?: number; dataLayer?: unknown[] };
const w = window as TestWindow;
let n = 0;
/** Consent ids of their own for each test: the page's state lives as long as the page. */
const fresh = () => `t${++n}-${Math.random().toString(36).slice(2, 8)}`;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('page consent state', () => {
  it('tells each listener the decisions as they were when they changed, however late it reads them', () => {
    const [scope, a, b] = [fresh(), fresh(), fresh()];
    const details: ConsentStateDetail[] = [];
    const stop = consents.subscribe((d) => details.push(d));
    publish(scope, [[a, true], [b, false]]);
    publish(scope, [[a, false]]);
    stop();
    expect(details.map((d) => d.decisions)).to.deep.equal([{ [a]: true, [b]: false }, { [a]: false, [b]: false }]);
    expect(JSON.parse(JSON.stringify(details[0]))).to.deep.equal({ scope, decisions: { [a]: true, [b]: false }, changed: [a, b] });
  });

  it('answers synchronously, hears every change, and fires consent-state on document', async () => {
    const [a, b] = [fresh(), fresh()];
    expect(consents.get(a, 'scope-1')).to.equal(undefined);
    const heard: string[][] = [];
    const stop = consents.subscribe((d) => heard.push([...d.changed]));
    const event = oneEvent(document, 'consent-state') as Promise<ConsentStateEvent>;
    publish('scope-1', [[a, true], [b, false]]);
    expect((await event).detail).to.deep.include({ scope: 'scope-1', changed: [a, b] });
    expect([consents.get(a, 'scope-1'), consents.get(b, 'scope-1'), consents.get(a, 'other')]).to.deep.equal([true, false, undefined]);
    expect(consents.get(a), 'without a scope: any scope that knows it').to.equal(true);
    publish('scope-1', [[a, true]]);
    publish('scope-1', [[a, false]]);
    stop();
    publish('scope-1', [[a, true]]);
    expect(heard).to.deep.equal([[a, b], [a]], 'only changes, and nothing after unsubscribing');
    await consents.ready;
  });

  it('reads the visitor’s decisions once on start, with what waits in the outbox, through configure({ consents })', async () => {
    const [given, refused] = [fresh(), fresh()];
    const transport = new MemoryTransport({ catalog: { source: 'memory', groups: [] }, state: [{ itemId: given, granted: true }, { itemId: refused, granted: false }] });
    let reads = 0;
    const counting = Object.assign(Object.create(transport), { loadState: (...a: Parameters<MemoryTransport['loadState']>) => (reads++, transport.loadState(...a)) });
    configure({ transport: counting, consents: { issuer: 'start-1' } });
    startPageConsents();
    await waitUntil(() => consents.get(given) === true, 'read on start');
    expect(consents.get(refused)).to.equal(false);
    expect(localStorage.getItem('consent-elements:decisions')).to.contain(given);
    configure({});
    expect(reads, 'one read, however often configure() is called').to.equal(1);
  });

  it('falls back to the decisions last known on this device when the provider cannot be reached', async () => {
    const id = fresh();
    publish('start-2', [[id, true]]);
    const failing = { name: 'down', loadCatalog: () => Promise.reject(new Error('x')), loadState: () => Promise.reject(new TypeError('Failed to fetch')) };
    // Written once the task that published ends.
    await waitUntil(() => localStorage.getItem('consent-elements:decisions')?.includes(id), 'kept on the device');
    // A later page view: only the device copy is left.
    const kept = JSON.parse(localStorage.getItem('consent-elements:decisions')!);
    expect(kept.scopes['start-2']).to.deep.equal({ [id]: true });
    expect(kept.until).to.be.above(Date.now() + 29 * 86_400_000);
    publish('start-2', [[id, false]], 'device');
    configure({ transport: failing, consents: { issuer: 'start-2' } });
    await waitUntil(() => consents.get(id, 'start-2') === true, 'the device copy');
    configure({ transport: undefined, consents: undefined });
  });
});

describe('data-consent markup', () => {
  before(() => startBlocking());

  it('runs a held-back script (src, inline, module) only once its consents are all given, and once', async () => {
    const [a, b] = [fresh(), fresh()];
    const el = await fixture(html`<div>
      <script type="text/plain" data-consent="${a}" src="/test/page/gated.js"></script>
      <script type="text/plain" data-consent="${a}, ${b}">window.inlineRuns = (window.inlineRuns ?? 0) + 1;</script>
      <script type="text/plain" data-type="module" data-consent="${a}">window.moduleRuns = (window.moduleRuns ?? 0) + 1; export {};</script>
    </div>`);
    const before = { src: w.gatedRuns ?? 0, inline: w.inlineRuns ?? 0, module: w.moduleRuns ?? 0 };
    await tick();
    expect(w.gatedRuns ?? 0).to.equal(before.src);
    publish('m', [[a, true]]);
    await waitUntil(() => (w.gatedRuns ?? 0) === before.src + 1 && (w.moduleRuns ?? 0) === before.module + 1, 'src and module scripts ran');
    expect(w.inlineRuns ?? 0, 'needs both').to.equal(before.inline);
    expect(el.querySelector('script[type="module"]')).to.exist;
    publish('m', [[b, true]]);
    expect(w.inlineRuns).to.equal(before.inline + 1);
    publish('m', [[b, false]]);
    publish('m', [[b, true]]);
    await tick();
    expect([w.gatedRuns, w.inlineRuns, w.moduleRuns]).to.deep.equal([before.src + 1, before.inline + 1, before.module + 1], 'each ran once');
  });

  it('tells the page when consent is withdrawn for a script that already ran', async () => {
    const a = fresh();
    await fixture(html`<script type="text/plain" data-consent="${a}">window.inlineRuns = (window.inlineRuns ?? 0) + 1;</script>`);
    publish('m', [[a, true]]);
    const told = oneEvent(document, 'consent-reload') as Promise<ConsentReloadEvent>;
    publish('m', [[a, false]]);
    expect((await told).detail.consents).to.deep.equal([a]);
  });

  it('loads an iframe and an image only once given, unloads the iframe on withdrawal, and handles markup added later', async () => {
    const a = fresh();
    const el = await fixture<HTMLDivElement>(html`<div><iframe data-consent="${a}" data-src="/test/page/gated.js" title="Gated"></iframe></div>`);
    const frame = el.querySelector('iframe')!;
    expect(frame.getAttribute('src')).to.equal(null);
    const img = document.createElement('img');
    Object.assign(img.dataset, { consent: a, src: '/favicon.ico' });
    el.append(img);
    await tick();
    expect(img.getAttribute('src')).to.equal(null);
    publish('m', [[a, true]]);
    expect(frame.getAttribute('src')).to.equal('/test/page/gated.js');
    expect(img.getAttribute('src')).to.equal('/favicon.ico');
    // Added after the consent was given: loaded at once.
    const later = document.createElement('iframe');
    Object.assign(later.dataset, { consent: a, src: '/test/page/gated.js' });
    el.append(later);
    await waitUntil(() => later.getAttribute('src') === '/test/page/gated.js', 'markup added later');
    publish('m', [[a, false]]);
    expect([frame.getAttribute('src'), later.getAttribute('src')]).to.deep.equal(['about:blank', 'about:blank']);
  });

  it('never loads a javascript: URL, and follows data-consent-scope', async () => {
    const a = fresh();
    const el = await fixture<HTMLDivElement>(html`<div>
      <iframe data-consent="${a}" data-src="javascript:alert(1)" title="x"></iframe>
      <img data-consent="${a}" data-consent-scope="other" data-src="/favicon.ico" alt="" />
    </div>`);
    publish('mine', [[a, true]]);
    expect(el.querySelector('iframe')!.getAttribute('src')).to.equal(null);
    expect(el.querySelector('img')!.getAttribute('src'), 'given in another scope').to.equal(null);
    publish('other', [[a, true]]);
    expect(el.querySelector('img')!.getAttribute('src')).to.equal('/favicon.ico');
  });
});

describe('Google Consent Mode v2', () => {
  it('sends default denied at configure, then an update for each change of a mapped type', async () => {
    const [analytics, ads] = [fresh(), fresh()];
    w.dataLayer = [];
    startConsentMode();
    configure({ consentMode: { analytics_storage: [analytics], ad_storage: [ads], ad_user_data: [ads] } });
    const commands = () => w.dataLayer!.map((a) => [...(a as IArguments)]);
    expect(Object.prototype.toString.call(w.dataLayer[0])).to.equal('[object Arguments]', 'as gtag pushes them');
    expect(commands()).to.deep.equal([['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', wait_for_update: 500 }]]);
    publish('cm', [[analytics, true]]);
    publish('cm', [[ads, false]]);
    publish('cm', [[ads, true]]);
    expect(commands().slice(1)).to.deep.equal([
      ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied' }],
      ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted' }],
    ]);
  });
});
