import { ConsentError } from './errors.js';
import type { ConsentCatalog, ConsentItem, LocalizedText } from './types.js';

/**
 * What a catalog may hold. Far beyond any real consent form, and low enough that hostile or
 * broken provider data cannot freeze a visitor's tab or a backend: beyond them a catalog is an
 * `invalid-response` naming the limit.
 */
export const LIMITS = {
  /** Levels of nesting (Connect `parentConsentId`). */
  depth: 8,
  /** Groups in one catalog. */
  groups: 200,
  /** Items in one catalog, nested ones included. */
  items: 5_000,
  /** Characters of one title. */
  title: 1_000,
  /** Characters of one description or other text. */
  text: 20_000,
  /** Languages of one text. */
  languages: 100,
} as const;

const tooMany = (what: string, n: number, limit: number) =>
  new ConsentError('invalid-response', `The catalog has ${n} ${what}; the limit is ${limit}.`);

function checkTexts(texts: readonly LocalizedText[], where: string) {
  if (texts.length > LIMITS.languages) throw tooMany(`languages for ${where}`, texts.length, LIMITS.languages);
  for (const t of texts) {
    if (t.title.length > LIMITS.title)
      throw new ConsentError('invalid-response', `The title of ${where} has ${t.title.length} characters; the limit is ${LIMITS.title}.`);
    if ((t.description?.length ?? 0) > LIMITS.text)
      throw new ConsentError('invalid-response', `The description of ${where} has ${t.description!.length} characters; the limit is ${LIMITS.text}.`);
  }
}

/** Throws `invalid-response` naming the first limit a catalog breaks. Linear, without recursion. */
export function checkLimits(catalog: ConsentCatalog): ConsentCatalog {
  if (catalog.groups.length > LIMITS.groups) throw tooMany('groups', catalog.groups.length, LIMITS.groups);
  checkTexts(catalog.texts ?? [], 'the catalog');
  let count = 0;
  for (const g of catalog.groups) {
    checkTexts(g.texts, `group ${g.id}`);
    const stack: [ConsentItem, number][] = g.items.map((i) => [i, 1]);
    while (stack.length) {
      const [item, depth] = stack.pop()!;
      if (++count > LIMITS.items) throw tooMany('items', count, LIMITS.items);
      if (depth > LIMITS.depth)
        throw new ConsentError('invalid-response', `Item ${item.id} is nested ${depth} levels deep; the limit is ${LIMITS.depth}.`);
      checkTexts(item.texts, `item ${item.id}`);
      for (const v of Object.values(item.info ?? {}))
        if (typeof v === 'string' && v.length > LIMITS.text)
          throw new ConsentError('invalid-response', `A detail of item ${item.id} has ${v.length} characters; the limit is ${LIMITS.text}.`);
      for (const c of item.children ?? []) stack.push([c, depth + 1]);
    }
  }
  return catalog;
}
