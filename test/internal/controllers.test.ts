import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { configure } from '../../src/config.js';
import { ConsentSavedEvent } from '../../src/events/consent-saved.js';
import { LangController } from '../../src/internal/language.js';
import { SavedBus } from '../../src/internal/saved-bus.js';
import { visitorSubject } from '../../src/internal/subject.js';
import { ContextProvider } from '@lit/context';
import { TransportController } from '../../src/internal/transport-controller.js';
import { transportContext } from '../../src/transports/core/context.js';
import type { SharedTransport } from '../../src/transports/core/share.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';

/** A bare element with only the language controller: no rendering, no transport. */
class LangProbe extends LitElement {
  @property() override lang = '';
  @property({ attribute: 'fallback-lang' }) fallbackLang?: string;
  readonly language = new LangController(this);
  updates = 0;
  protected override updated() {
    this.updates++;
  }
}
customElements.define('lang-probe', LangProbe);

describe('LangController', () => {
  afterEach(() => configure({ lang: undefined, fallbackLang: undefined }));

  it('tries the own lang, then the nearest ancestor, then configure(), then the browser', async () => {
    configure({ lang: 'de' });
    const box = await fixture<HTMLElement>(html`<section lang="sv"><lang-probe lang="nn"></lang-probe></section>`);
    const probe = box.querySelector<LangProbe>('lang-probe')!;
    expect(probe.language.langs().slice(0, 3)).to.deep.equal(['nn', 'sv', 'de']);
    expect(probe.language.langs().slice(3)).to.deep.equal([...navigator.languages].filter((l) => !['nn', 'sv', 'de'].includes(l)));
  });

  it('follows a later change of an ancestor lang and updates the element', async () => {
    const box = await fixture<HTMLElement>(html`<section lang="sv"><lang-probe></lang-probe></section>`);
    const probe = box.querySelector<LangProbe>('lang-probe')!;
    const before = probe.updates;
    box.setAttribute('lang', 'fi');
    await waitUntil(() => probe.language.langs()[0] === 'fi', 'inherited lang followed');
    await waitUntil(() => probe.updates > before, 'element updated');
    expect(probe.language.uiLocale()).to.equal('fi');
  });

  it('reads the fallback language from the element, then configure(), then en', async () => {
    const probe = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
    expect(probe.language.fallback()).to.equal('en');
    configure({ fallbackLang: 'sv' });
    expect(probe.language.fallback()).to.equal('sv');
    probe.fallbackLang = 'da';
    expect(probe.language.fallback()).to.equal('da');
  });

  it("gives each element the UI locale of its own chain, whatever the page's other elements use", async () => {
    const box = await fixture<HTMLElement>(html`<div lang="da"><lang-probe lang="fi-FI"></lang-probe><lang-probe></lang-probe></div>`);
    const [own, inherited] = [...box.querySelectorAll<LangProbe>('lang-probe')];
    expect([own!.language.uiLocale(), inherited!.language.uiLocale()]).to.deep.equal(['fi', 'da']);
    own!.lang = 'pt-BR';
    expect(own!.language.uiLocale(), 'Brazilian: the Portuguese UI').to.equal('pt');
    own!.lang = 'vi-VN';
    expect(own!.language.uiLocale(), 'no Vietnamese UI: English').to.equal('en');
    own!.lang = 'no';
    expect(own!.language.uiLocale()).to.equal('nb');
  });
});

describe('visitorSubject', () => {
  it('keeps a given subject with its type, defaulting to EXTERNAL', () => {
    expect(visitorSubject('42', 'CONNECTID')).to.deep.equal({ id: '42', type: 'CONNECTID' });
    expect(visitorSubject('42', undefined)).to.deep.equal({ id: '42', type: 'EXTERNAL' });
  });

  it('uses the pseudonymous id, always EXTERNAL, when no subject is given', () => {
    const a = visitorSubject(undefined, 'CONNECTID');
    expect(a.type).to.equal('EXTERNAL');
    expect(a.id).to.match(/^[0-9a-f-]{36}$/);
    expect(visitorSubject('', 'ORDER')).to.deep.equal(a);
  });
});

class BusProbe extends LitElement {
  heard = 0;
  readonly bus = new SavedBus(this, () => this.heard++);
}
customElements.define('bus-probe', BusProbe);

describe('SavedBus', () => {
  it('hears consent-saved anywhere on the page while connected, and not after', async () => {
    const probe = await fixture<BusProbe>(html`<bus-probe></bus-probe>`);
    const save = () => document.body.dispatchEvent(new ConsentSavedEvent({ decisions: [], receipts: [], queued: false }));
    save();
    expect(probe.heard).to.equal(1);
    probe.remove();
    save();
    expect(probe.heard).to.equal(1);
  });
});

/** A bare element with only the transport controller. */
class TransportProbe extends LitElement {
  readonly transports = new TransportController(this);
}
customElements.define('transport-probe', TransportProbe);

describe('TransportController: a transport from an ancestor (the context protocol)', () => {
  it('takes what a @lit/context ContextProvider above gives, follows its changes, and stops listening when removed', async () => {
    const [one, two, three] = [1, 2, 3].map(() => new MemoryTransport({ catalog: { source: 'memory:context', groups: [] } }));
    const box = await fixture<HTMLElement>(html`<div><transport-probe></transport-probe></div>`);
    const provider = new ContextProvider(box, { context: transportContext, initialValue: one });
    // A provider that came after the element: the element asks again when it is connected anew.
    const probe = box.querySelector<TransportProbe>('transport-probe')!;
    probe.remove();
    box.append(probe);
    expect((probe.transports.value as SharedTransport).inner).to.equal(one);
    provider.setValue(two);
    expect((probe.transports.value as SharedTransport).inner).to.equal(two);
    probe.remove();
    provider.setValue(three);
    expect((probe.transports.value as SharedTransport).inner).to.equal(two, 'not subscribed once disconnected');
  });
});
