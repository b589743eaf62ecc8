// Story data: the Connect simulator's seed data, mapped exactly as the connect transport maps it.
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
