/**
 * The languages an element should speak, best first: its own or nearest ancestor's `lang`
 * (across shadow roots), the page-wide default, then the browser's languages.
 */
export function resolveLangs(el: Element, pageDefault?: string): string[] {
  let node: Element | null = el;
  let own: string | null = null;
  while (node && !own) {
    own = node.closest('[lang]')?.getAttribute('lang') || null;
    node = own ? null : ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  const langs = [own, pageDefault, ...(globalThis.navigator?.languages ?? [])].filter((l): l is string => !!l);
  return [...new Set(langs)];
}
