/** The `lang` an element inherits: its nearest ancestor's, across shadow roots; '' if none. */
export function inheritedLang(el: Element): string {
  let node: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  while (node) {
    const found = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    node = (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return '';
}

/** Languages to try, best first, without blanks or repeats. */
export function preferredLangs(...langs: (string | undefined | readonly string[])[]): string[] {
  return [...new Set(langs.flat().filter((l): l is string => !!l))];
}
