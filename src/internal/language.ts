import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CONFIGURE_EVENT, getDefaults } from '../config.js';
import { matchLocale, translation, type UiLocale } from '../i18n/localization.js';
import type { Templates } from '../i18n/str.js';
import { inheritedLang, preferredLangs } from './lang.js';

export interface LangHost extends ReactiveControllerHost, HTMLElement {
  lang: string;
  fallbackLang?: string;
}

/** Every connected element's controller, for the one observer of ancestors' `lang` and of `configure()`. */
const connected = new Set<LangController>();
let observer: MutationObserver | undefined;

/** An ancestor's `lang` or `configure()` changed: every element re-reads its languages. */
function onPageChange(): void {
  for (const c of connected) c.refresh();
}

let browser: readonly string[] | undefined;
/** The browser's languages, read again only when they change: a read costs about a microsecond, and a long catalog asks for thousands of texts. */
function browserLangs(): readonly string[] {
  if (!browser) {
    browser = globalThis.navigator?.languages ?? [];
    globalThis.addEventListener?.('languagechange', () => (browser = undefined), { once: true });
  }
  return browser;
}

/**
 * The languages of one element, by the same fallback chain for every element: its own `lang`,
 * the nearest ancestor's (followed while connected, with one observer for the whole page),
 * `configure({ lang })`, the browser's. Its UI strings are in the shipped locale nearest to the
 * first of them, whatever language other elements of the page use.
 */
export class LangController implements ReactiveController {
  readonly #host: LangHost;
  #inherited = '';

  constructor(host: LangHost) {
    this.#host = host;
    host.addController(this);
  }

  #langs: [key: unknown[], langs: string[]] = [[], []];

  /** Languages to try for texts, best first. (Asked once per text drawn: kept while its sources are the same.) */
  langs(): string[] {
    const from = [this.#host.lang, this.#inherited, getDefaults().lang, browserLangs()];
    if (from.some((f, i) => f !== this.#langs[0][i])) this.#langs = [from, preferredLangs(...from)];
    return this.#langs[1];
  }

  /** Language of the texts shown when none is in a wanted language. */
  fallback(): string {
    return this.#host.fallbackLang || getDefaults().fallbackLang || 'en';
  }

  /** The shipped UI locale of this element's own strings. */
  uiLocale(): UiLocale {
    return matchLocale(this.langs()[0]);
  }

  /** The strings of that locale, or undefined while they load (the element updates once they are in). */
  translation(): Templates | undefined {
    return translation(this.uiLocale(), this.#host);
  }

  hostConnected(): void {
    if (!connected.size) {
      observer = new MutationObserver(onPageChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      globalThis.addEventListener(CONFIGURE_EVENT, onPageChange);
    }
    connected.add(this);
    this.#inherited = inheritedLang(this.#host);
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (!connected.size) {
      observer?.disconnect();
      observer = undefined;
      globalThis.removeEventListener(CONFIGURE_EVENT, onPageChange);
    }
  }

  /** Re-reads the inherited language; the element updates (its texts may change). */
  refresh(): void {
    this.#inherited = inheritedLang(this.#host);
    this.#host.requestUpdate();
  }
}
