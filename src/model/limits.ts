import { ConsentError } from './errors.js';
import type { ConsentCatalog, ConsentItem, ItemInfo, LocalizedText } from './types.js';

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
const tooLong = (what: string, n: number, limit: number) =>
  new ConsentError('invalid-response', `${what} has ${n} characters; the limit is ${limit}.`);

/** What a broken limit names: "the catalog", or "item"/"group" and its id (joined only then: a string per item is garbage too). */
const named = (kind: string, id?: string) => (id === undefined ? kind : `${kind} ${id}`);

function checkTexts(texts: readonly LocalizedText[], kind: string, id?: string) {
  if (texts.length > LIMITS.languages) throw tooMany(`languages for ${named(kind, id)}`, texts.length, LIMITS.languages);
  for (const t of texts) {
    if (t.title.length > LIMITS.title)
      throw tooLong(`The title of ${named(kind, id)}`, t.title.length, LIMITS.title);
    if ((t.description?.length ?? 0) > LIMITS.text)
      throw tooLong(`The description of ${named(kind, id)}`, t.description!.length, LIMITS.text);
  }
}

/**
 * Throws `invalid-response` naming the first limit a catalog breaks. Linear; it recurses only as
 * deep as the depth limit. It allocates nothing per item: it runs in the task that loads a
 * catalog, where the garbage of arrays per item made collections that took the task past 50 ms.
 */
export function checkLimits(catalog: ConsentCatalog): ConsentCatalog {
  if (catalog.groups.length > LIMITS.groups) throw tooMany('groups', catalog.groups.length, LIMITS.groups);
  if (catalog.texts) checkTexts(catalog.texts, 'the catalog');
  let count = 0;
  const items = (list: readonly ConsentItem[], depth: number) => {
    for (const item of list) {
      if (++count > LIMITS.items) throw tooMany('items', count, LIMITS.items);
      if (depth > LIMITS.depth)
        throw new ConsentError('invalid-response', `Item ${item.id} is nested ${depth} levels deep; the limit is ${LIMITS.depth}.`);
      checkTexts(item.texts, 'item', item.id);
      for (const k in item.info) {
        const v: unknown = item.info[k as keyof ItemInfo];
        if (typeof v === 'string' && v.length > LIMITS.text)
          throw tooLong(`A detail of item ${item.id}`, v.length, LIMITS.text);
      }
      if (item.children) items(item.children, depth + 1);
    }
  };
  for (const g of catalog.groups) {
    checkTexts(g.texts, 'group', g.id);
    items(g.items, 1);
  }
  return catalog;
}
