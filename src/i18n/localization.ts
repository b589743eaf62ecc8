import { configureLocalization } from '@lit/localize';
import { importBesideScript } from '../internal/beside-script.js';
import { normalizeLang } from '../model/text.js';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';

export type UiLocale = (typeof allLocales)[number];

type Loader = (locale: string) => Promise<unknown>;

// The script-tag bundle carries no translations: it loads `locales/<code>.js` from beside
// itself when a page needs one, so visitors pay only for their own language.
const fromScriptBase: Loader = (locale) => importBesideScript(`locales/${locale}.js`);

// ESM builds and dev servers: an explicit map (not a template-string import) so every bundler sees each file.
const modules: Record<(typeof targetLocales)[number], () => Promise<unknown>> = {
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  nn: () => import('./locales/nn.js'),
  sv: () => import('./locales/sv.js'),
};

const loadLocale: Loader =
  import.meta.env?.MODE === 'iife' ? fromScriptBase : (locale) => modules[locale as keyof typeof modules]();

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: loadLocale as never,
});

/** The shipped UI locale nearest to a language tag: `nb-NO` → `nb`, `no` → `nb`, `pt` → `en`. */
export function matchLocale(lang: string | undefined): UiLocale {
  const primary = normalizeLang(lang ?? '').split('-')[0]!;
  const wanted = primary === 'no' ? 'nb' : primary;
  return (allLocales as readonly string[]).includes(wanted) ? (wanted as UiLocale) : sourceLocale;
}

let loading = 0;

/** True while a translation is on its way: elements then hide their own strings (no flash of English). */
export const localeLoading = (): boolean => loading > 0;

/**
 * Switches the UI strings of every consent element on the page (one locale per page). Never
 * rejects: a translation that cannot be loaded leaves English, and says so in the console.
 */
export async function useLocale(lang: string | undefined): Promise<void> {
  const locale = matchLocale(lang);
  if (locale === getLocale()) return;
  loading++;
  try {
    await setLocale(locale);
  } catch (e) {
    console.warn(`consent-elements: the "${locale}" translation could not be loaded, so texts stay in English.`, e);
  } finally {
    loading--;
  }
}
