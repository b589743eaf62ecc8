import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import type { ConsentErrorEvent } from '../../src/events/index.js';
import { env, hostApi, NORDLYS } from '../helpers.js';
import { CONSENTUA_CLIENT, CONSENTUA_SERVICE } from '../../fixtures/consentua.js';

describe('developer diagnostics', () => {
  const warned: string[] = [];
  const original = console.warn;
  beforeEach(() => {
    warned.length = 0;
    console.warn = (...a: unknown[]) => void warned.push(a.map(String).join(' '));
  });
  afterEach(() => {
    // Gone before the defaults change: configure() makes the elements load again.
    fixtureCleanup();
    console.warn = original;
    configure({ diagnostics: undefined });
  });

  it('writes a misconfigured element’s config error to the console once, naming the element and what to fix', async () => {
    const box = await fixture<HTMLElement>(html`<div><consent-group-picker id="prefs" provider="nope" issuer="1"></consent-group-picker></div>`);
    const picker = box.querySelector('consent-group-picker')!;
    await waitUntil(() => warned.length > 0, 'a console warning');
    expect(warned).to.have.length(1);
    expect(warned[0]).to.match(/^consent-elements: <consent-group-picker id="prefs"> Unknown provider "nope"\. Use one of: .+, or register it with registerProvider\(\)\.$/);
    // The same error again (a retry) is not said twice.
    const again = oneEvent(picker, 'consent-error') as Promise<ConsentErrorEvent>;
    (picker as unknown as { reload(): void }).reload();
    expect((await again).detail.code).to.equal('config');
    expect(warned).to.have.length(1);
  });

  it('says it for a gate too, and nothing with configure({ diagnostics: false })', async () => {
    const gate = await fixture(html`<consent-access-gate provider="host" consent="c1"></consent-access-gate>`);
    await waitUntil(() => warned.length > 0, `a console warning (gate ${(gate as unknown as { state: string }).state}, ${gate.shadowRoot!.textContent!.trim()})`, { timeout: 3000 });
    expect(warned[0]).to.equal('consent-elements: <consent-access-gate> provider="host" needs an endpoint attribute.');
    warned.length = 0;
    configure({ diagnostics: false });
    const el = await fixture(html`<consent-group-picker provider="host" issuer="2"></consent-group-picker>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the picker shows its error');
    expect(warned).to.deep.equal([]);
  });

  /** The consent-error events the test's element fired (and their codes), what the console said, and the element. */
  async function misconfigured(template: ReturnType<typeof html>) {
    const errors: ConsentErrorEvent['detail'][] = [];
    const box = await fixture<HTMLElement>(html`<div @consent-error=${(e: ConsentErrorEvent) => errors.push(e.detail)}>${template}</div>`);
    const element = box.firstElementChild!;
    await waitUntil(() => warned.length > 0 && errors.length > 0, `a console warning and a consent-error (${element.shadowRoot?.textContent?.trim()})`, { timeout: 10000 });
    return { errors, codes: errors.map((e) => e.code), warned: [...warned], element };
  }

  it('says an endpoint where no consent API answers is wrong (a 404 from something else), not a failed request', async () => {
    const endpoint = `${location.origin}/no-consent-api-here`;
    const { codes, warned } = await misconfigured(html`<consent-group-picker provider="host" endpoint=${endpoint} issuer=${NORDLYS}></consent-group-picker>`);
    expect(codes).to.deep.equal(['config']);
    expect(warned, warned.join('\n')).to.have.length(1);
    expect(warned[0]).to.match(/^consent-elements: <consent-group-picker> No consent API answers at http:\/\/[^ ]+\/no-consent-api-here\/ \(404\): check the endpoint attribute\.$/);
  });

  it('says a missing issuer, from behind the backend', async () => {
    const { codes, warned } = await misconfigured(html`<consent-group-picker provider="host" endpoint=${hostApi()}></consent-group-picker>`);
    expect(codes).to.deep.equal(['config']);
    expect(warned).to.deep.equal(['consent-elements: <consent-group-picker> Connect needs an issuer (the `issuer` attribute).']);
  });

  it('says an issuer Connect has nothing for, instead of showing an empty picker', async () => {
    const { codes, warned } = await misconfigured(html`<consent-group-picker provider="host" endpoint=${hostApi()} issuer="no-such-issuer"></consent-group-picker>`);
    expect(codes).to.deep.equal(['config']);
    expect(warned).to.deep.equal(['consent-elements: <consent-group-picker> Connect has no active consent groups or consents for issuer "no-such-issuer": check the issuer attribute.']);
  });

  it('says a Consentua template or service the provider does not offer', async () => {
    const endpoint = `${env().demo}/as-named/api/consentua`;
    const template = await misconfigured(
      html`<consent-purpose-template provider="host" endpoint=${endpoint} client-id=${CONSENTUA_CLIENT} service-id=${CONSENTUA_SERVICE} template-id="999"></consent-purpose-template>`,
    );
    expect(template.codes).to.deep.equal(['config']);
    expect(template.warned).to.deep.equal([`consent-elements: <consent-purpose-template> Consentua template 999 is not offered by service ${CONSENTUA_SERVICE}.`]);
    warned.length = 0;
    const service = await misconfigured(html`<consent-purpose-template provider="host" endpoint=${endpoint} client-id=${CONSENTUA_CLIENT} service-id="999"></consent-purpose-template>`);
    expect(service.codes).to.deep.equal(['config']);
    expect(service.warned).to.deep.equal([`consent-elements: <consent-purpose-template> Consentua has no templates for client ${CONSENTUA_CLIENT}, service 999: check the client-id and service-id attributes.`]);
  });

  it('says a backend on another origin answers but not to this page (no CORS headers): config, and still retryable', async () => {
    // The test server under another name is another origin, and answers without CORS headers.
    const endpoint = `${location.protocol}//127.0.0.1:${location.port}/no-consent-api-here/`;
    const { errors, warned, element } = await misconfigured(html`<consent-group-picker provider="host" endpoint=${endpoint} issuer=${NORDLYS}></consent-group-picker>`);
    expect([errors[0]!.code, errors[0]!.retryable]).to.deep.equal(['config', true]);
    expect(warned).to.deep.equal([
      `consent-elements: <consent-group-picker> ${endpoint} answers, but not to this page: check the endpoint attribute, and that the backend allows ${location.origin} (CORS).`,
    ]);
    // A proxy's error page in an outage looks the same: the visitor may try again.
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="retry"]'), 'a Retry button');
  });
});
