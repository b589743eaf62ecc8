import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { isStrTagged, joinStringsAndValues, type StrResult } from '@lit/localize/internal/str-tag.js';
import type { ReactiveControllerHost } from 'lit';
import { importBesideScript } from '../internal/beside-script.js';
import { normalizeLang } from '../model/text.js';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';
import type { Templates } from './str.js';

// The kit's own small runtime over the translations lit-localize generates (`npm run
// localize:build`, same message ids): unlike @lit/localize's, whose `msg` reads one locale for
// the whole page, each element draws its strings in its own UI language, so a Norwegian picker
// and a Swedish gate can share a page. An element sets its translation for the length of its
// (synchronous) update; `msg` reads it.

export type UiLocale = (typeof allLocales)[number];

type Loader = (locale: string) => Promise<{ templates: Templates }>;

// The script-tag bundle carries no translations: it loads `locales/<code>.js` from beside
// itself when a page needs one, so visitors pay only for their own language.
const fromScriptBase: Loader = (locale) => importBesideScript(`locales/${locale}.js`) as Promise<{ templates: Templates }>;

// ESM builds and dev servers: an explicit map (not a template-string import) so every bundler sees each file.
const modules: Record<(typeof targetLocales)[number], () => Promise<{ templates: Templates }>> = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  ca: () => import('./locales/ca.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  ga: () => import('./locales/ga.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  is: () => import('./locales/is.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  nn: () => import('./locales/nn.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  zh: () => import('./locales/zh.js'),
};

// (The script tag's all-languages variant takes this map too: its build puts every file inside.)
const load: Loader = import.meta.env?.MODE === 'iife' ? fromScriptBase : (locale) => modules[locale as keyof typeof modules]();

/** The shipped UI locale nearest to a language tag: `nb-NO` → `nb`, `no` → `nb`, `vi` → `en`. */
export function matchLocale(lang: string | undefined): UiLocale {
  const primary = normalizeLang(lang ?? '').split('-')[0]!;
  const wanted = primary === 'no' ? 'nb' : primary;
  return (allLocales as readonly string[]).includes(wanted) ? (wanted as UiLocale) : sourceLocale;
}

/** Translations in: the source locale needs none. */
const loaded = new Map<UiLocale, Templates>([[sourceLocale, {}]]);
const loading = new Map<UiLocale, Promise<void>>();
const waiting = new Map<UiLocale, Set<ReactiveControllerHost>>();

/**
 * Loads the UI strings of the locale nearest to `lang` (see `matchLocale`), e.g. ahead of a
 * language switch. Never rejects: a translation that cannot be loaded leaves English, and says
 * so in the console.
 */
export function loadLocale(lang: string): Promise<void> {
  const locale = matchLocale(lang);
  if (loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = load(locale).then(
      (m) => void loaded.set(locale, m.templates),
      (e: unknown) => {
        console.warn(`consent-elements: the "${locale}" translation could not be loaded, so its texts stay in English: ${e instanceof Error ? e.message : String(e)}`);
        loaded.set(locale, {});
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * The strings of `locale` if they are in; otherwise starts loading them and updates `host` once
 * they are (or have failed: English then).
 */
export function translation(locale: UiLocale, host: ReactiveControllerHost): Templates | undefined {
  const templates = loaded.get(locale);
  if (templates) return templates;
  let hosts = waiting.get(locale);
  if (!hosts) {
    const these = (hosts = new Set());
    waiting.set(locale, these);
    void loadLocale(locale).then(() => {
      waiting.delete(locale);
      these.forEach((h) => h.requestUpdate());
    });
  }
  hosts.add(host);
  return undefined;
}

let current: Templates | undefined;

/** Runs `draw` (an element's update) with `templates` as the strings `msg` reads. */
export function drawIn(templates: Templates | undefined, draw: () => void): void {
  const outer = current;
  current = templates;
  try {
    draw();
  } finally {
    current = outer;
  }
}

const ids = new Map<TemplateStringsArray | string, string>();

/**
 * A UI string in the language of the element drawing it (English outside an update). Same
 * signature and message ids as @lit/localize's `msg`, so `lit-localize extract` finds the calls.
 */
export const msg = ((template: string | StrResult): string => {
  const key = typeof template === 'string' ? template : template.strings;
  let id = ids.get(key);
  if (!id) ids.set(key, (id = generateMsgId(key, false)));
  const t = current?.[id];
  if (t === undefined) return isStrTagged(template) ? joinStringsAndValues(template.strings, template.values) : template;
  // A translated `str` keeps the indexes of the source's values, in the translation's order.
  return typeof t === 'string' ? t : joinStringsAndValues(t.strings, (template as StrResult).values, t.values as number[]);
}) as ((template: string | StrResult) => string) & { _LIT_LOCALIZE_MSG_?: never };
