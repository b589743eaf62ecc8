import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import type { ConsentErrorEvent } from '../../src/events/index.js';

describe('developer diagnostics', () => {
  const warned: string[] = [];
  const original = console.warn;
  beforeEach(() => {
    warned.length = 0;
    console.warn = (...a: unknown[]) => void warned.push(a.map(String).join(' '));
  });
  afterEach(() => {
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
});
