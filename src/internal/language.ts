import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CONFIGURE_EVENT, getDefaults } from '../config.js';
import { localeLoading, useLocale } from '../i18n/localization.js';
import { inheritedLang, preferredLangs } from './lang.js';

export interface LangHost extends ReactiveControllerHost, HTMLElement {
  lang: string;
  fallbackLang?: string;
}

/** Every connected element's controller: the page has one UI locale, chosen among them. */
const connected = new Set<LangController>();
let observer: MutationObserver | undefined;
let clock = 0;

/**
 * The page's UI locale follows the most specific language any consent element has: an
 * element's own `lang` first, then an ancestor's (`<html lang>`), then `configure({ lang })`,
 * then the browser's; between equals, the one set last. So a picker with `lang="nb-NO"` and a
 * gate without one agree on Norwegian, whatever order they were added in.
 */
function applyPageLocale(): void {
  let best: LangController | undefined;
  for (const c of connected) if (!best || c.rank > best.rank || (c.rank === best.rank && c.since > best.since)) best = c;
  if (!best) return;
  const translated = useLocale(best.langs()[0]);
  // Elements hide their strings while a translation loads; once it is in (or failed), they draw
  // again. Only then: every element connecting calls this, and most find the locale in place.
  if (localeLoading()) void translated.then(() => connected.forEach((c) => c.refresh()));
}

/** An ancestor's `lang` or `configure()` changed: every element re-reads its languages. */
function onPageChange(): void {
  for (const c of connected) c.refresh();
  applyPageLocale();
}

/**
 * The languages of one element, by the same fallback chain for every element: its own `lang`,
 * the nearest ancestor's (followed while connected, with one observer for the whole page),
 * `configure({ lang })`, the browser's. It is the only caller of `setLocale` (via `useLocale`).
 */
export class LangController implements ReactiveController {
  readonly #host: LangHost;
  #inherited = '';
  #own?: string;
  /** When this element's language was last set: later wins between equally specific ones. */
  since = 0;

  constructor(host: LangHost) {
    this.#host = host;
    host.addController(this);
  }

  #langs: [key: unknown[], langs: string[]] = [[], []];

  /** Languages to try for texts, best first. (Asked once per text drawn: kept while its sources are the same.) */
  langs(): string[] {
    const from = [this.#host.lang, this.#inherited, getDefaults().lang, globalThis.navigator?.languages ?? []];
    if (from.some((f, i) => f !== this.#langs[0][i])) this.#langs = [from, preferredLangs(...from)];
    return this.#langs[1];
  }

  /** Language of the texts shown when none is in a wanted language. */
  fallback(): string {
    return this.#host.fallbackLang || getDefaults().fallbackLang || 'en';
  }

  /** How specific this element's language is (see `applyPageLocale`). */
  get rank(): number {
    return this.#host.lang ? 3 : this.#inherited ? 2 : getDefaults().lang ? 1 : 0;
  }

  hostConnected(): void {
    if (!connected.size) {
      observer = new MutationObserver(onPageChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      globalThis.addEventListener(CONFIGURE_EVENT, onPageChange);
    }
    connected.add(this);
    this.#inherited = inheritedLang(this.#host);
    this.#own = this.#host.lang;
    this.since = ++clock;
    applyPageLocale();
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (!connected.size) {
      observer?.disconnect();
      observer = undefined;
      globalThis.removeEventListener(CONFIGURE_EVENT, onPageChange);
    } else applyPageLocale();
  }

  hostUpdate(): void {
    if (this.#host.lang === this.#own) return;
    this.#own = this.#host.lang;
    this.since = ++clock;
    applyPageLocale();
  }

  /** Re-reads the inherited language; the element updates (its texts may change). */
  refresh(): void {
    this.#inherited = inheritedLang(this.#host);
    this.#host.requestUpdate();
  }
}
