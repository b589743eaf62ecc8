// Story data: the Connect simulator's seed data, mapped exactly as the connect transport maps it.
import manifest from '../custom-elements.json';
import { consents, groups, HOSTILE, NORDLYS } from '../fixtures/connect.js';
import { renderTemplate, templates } from '../fixtures/consentua.js';
import type { ConsentCatalog } from '../src/model/types.js';
import { connectCatalog } from '../src/transports/connect/connect.js';
import { consentuaCatalog } from '../src/transports/consentua/consentua.js';

export function catalogOf(issuer: string = NORDLYS): ConsentCatalog {
  return connectCatalog(
    issuer,
    { issuer, groups: groups.filter((g) => g.issuer === issuer && g.active) },
    { issuer, consents: consents.filter((c) => c.issuer === issuer && c.active) },
  );
}

/** Many groups, to see how a long form scrolls and wraps. */
export function manyGroups(count = 12): ConsentCatalog {
  const base = catalogOf();
  return {
    source: 'stories:many',
    groups: Array.from({ length: count }, (_, n) => {
      const g = base.groups[n % base.groups.length]!;
      const id = (suffix: string) => `${n}-${suffix}`;
      const copy = (items: typeof g.items): typeof g.items =>
        items.map((i) => ({ ...i, id: id(i.id), ...(i.children ? { children: copy(i.children) } : {}) }));
      return { ...g, id: String(n), order: n, texts: g.texts.map((t) => ({ ...t, title: `${t.title} ${n + 1}` })), items: copy(g.items) };
    }),
  };
}

export { HOSTILE, NORDLYS };

/** The Consentua simulator's template in one language, mapped as the consentua transport maps it. */
export function templateOf(lang: 'en' | 'nb' | 'sv' = 'en'): ConsentCatalog {
  const t = templates[0]!;
  return consentuaCatalog(renderTemplate(t, lang), lang);
}

type Declaration = {
  tagName?: string;
  attributes?: { name: string }[];
  members?: { kind: string; name: string; readonly?: boolean; static?: boolean }[];
  cssProperties?: { name: string }[];
};

/**
 * Makes the controls Storybook derives from custom-elements.json do what they say: each of the
 * element's attributes, settable properties and CSS custom properties among `args` is applied
 * to `el` (unset ones removed). The stories' own args (catalog, latency, …) are not the element's.
 */
export function applyControls(el: Element | undefined, args: Record<string, unknown>): void {
  if (!(el instanceof HTMLElement)) return;
  const d = (manifest as { modules: { declarations?: Declaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .find((x) => x.tagName === el.localName);
  if (!d) return;
  for (const { name } of d.attributes ?? []) {
    if (!(name in args) || !name.includes('-')) continue;
    const v = args[name];
    if (v === undefined || v === null || v === false || v === '') el.removeAttribute(name);
    else el.setAttribute(name, v === true ? '' : String(v));
  }
  for (const m of d.members ?? [])
    if (m.kind === 'field' && !m.readonly && !m.static && m.name in args && args[m.name] !== undefined) (el as unknown as Record<string, unknown>)[m.name] = args[m.name];
  for (const { name } of d.cssProperties ?? []) {
    const v = args[name];
    if (typeof v === 'string' && v) el.style.setProperty(name, v);
    else el.style.removeProperty(name);
  }
}
