import type { LocalizedText } from './types.js';

// A page has a handful of language codes, asked for once per text of every item drawn: each is
// worked out once (a cap keeps hostile catalogs from growing it).
const normalized = new Map<string, string>();

/** `nb_NO`, `NB-no` → `nb-NO`; `en` stays `en`. Provider codes and BCP 47 meet here. */
export function normalizeLang(code: string): string {
  let n = normalized.get(code);
  if (n === undefined) {
    const [lang = '', ...rest] = code.trim().replace(/_/g, '-').split('-');
    n = [lang.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
    if (normalized.size >= 500) normalized.clear();
    normalized.set(code, n);
  }
  return n;
}

/** `nb-NO` → `nb-NO`-compatible provider code `nb_NO`. */
export function toProviderLang(code: string): string {
  return normalizeLang(code).replace(/-/g, '_');
}

const primary = (code: string) => {
  const n = normalizeLang(code);
  const dash = n.indexOf('-');
  return dash < 0 ? n : n.slice(0, dash);
};

/** Norwegian: `no` is the macrolanguage of Bokmål (`nb`) and Nynorsk (`nn`). */
const equivalents: Record<string, string[]> = {
  no: ['nb', 'nn'],
  nb: ['no', 'nn'],
  nn: ['no', 'nb'],
};

function findFor(texts: readonly LocalizedText[], wanted: string): LocalizedText | undefined {
  const want = normalizeLang(wanted);
  const lang = primary(want);
  return (
    texts.find((t) => normalizeLang(t.lang) === want) ??
    texts.find((t) => primary(t.lang) === lang) ??
    (equivalents[lang] ?? []).map((alt) => texts.find((t) => primary(t.lang) === alt)).find(Boolean)
  );
}

/**
 * Picks the text to show: for each wanted language in turn the exact code, then the language
 * (`nb-NO` ↔ `nb`, `no` ↔ `nb`/`nn`); then `fallbackLang`; then the first text there is.
 */
export function pickText(
  texts: readonly LocalizedText[],
  wanted: string | readonly string[],
  fallbackLang?: string,
): LocalizedText | undefined {
  const langs = (typeof wanted === 'string' ? [wanted] : wanted).filter(Boolean);
  for (const lang of fallbackLang ? [...langs, fallbackLang] : langs) {
    const hit = findFor(texts, lang);
    if (hit) return hit;
  }
  return texts[0];
}
