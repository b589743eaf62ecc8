import { once } from './once.js';
import { flattenItems } from './tree.js';
import type { ConsentCatalog, ConsentItem, Decision, Receipt } from './types.js';

/** itemId → granted. What the provider stored, or what the visitor chose. */
export type DecisionMap = ReadonlyMap<string, boolean>;

/**
 * Answers by item. A record on legitimate interest is not an answer of the visitor's: left out,
 * so that their "no" (an objection) is planned and sent like any other first answer.
 */
export const toMap = (decisions: readonly Decision[]): Map<string, boolean> =>
  new Map(decisions.filter((d) => d.record?.basis !== 'legitimate-interest').map((d) => [d.itemId, d.granted]));

/** One decision as a set key: the same item with the same answer. */
export const choiceKey = (d: Decision): string => `${d.itemId}:${d.granted}`;

/** Items whose decision reached the provider after a later one of the same item, so was not stored. */
export const supersededItems = (receipts: readonly Receipt[]): Set<string> =>
  new Set(receipts.filter((r) => r.superseded).map((r) => r.itemId));

export const toList = (map: DecisionMap): Decision[] =>
  [...map].map(([itemId, granted]) => ({ itemId, granted }));

/** All items of a catalog, in display order, parents before children. */
export const allItems = (catalog: ConsentCatalog): ConsentItem[] =>
  catalog.groups.flatMap((g) => flattenItems(g.items));

/** A catalog's items by id (made once per catalog: at 1,000 items, that walk at each save was a tenth of an Accept all). */
export function itemIndex(catalog: ConsentCatalog): ReadonlyMap<string, ConsentItem> {
  return index(catalog);
}
const index = once((catalog: ConsentCatalog) => new Map(allItems(catalog).map((i) => [i.id, i])));

/** What the visitor sees for an item: their choice, else the stored answer, else not granted. */
export const isGranted = (id: string, stored: DecisionMap, choices: DecisionMap): boolean =>
  choices.get(id) ?? stored.get(id) ?? false;

/**
 * Sets an item and — as the provider cascades an event on a parent to its children — all of
 * its descendants to the same answer. Returns a new map.
 */
export function choose(choices: DecisionMap, item: ConsentItem, granted: boolean): Map<string, boolean> {
  const next = new Map(choices);
  for (const i of flattenItems([item])) next.set(i.id, granted);
  return next;
}

/** Sets every item of the given list (and descendants) to one answer. */
export function chooseAll(choices: DecisionMap, items: readonly ConsentItem[], granted: boolean): Map<string, boolean> {
  const next = new Map(choices);
  for (const i of flattenItems(items)) next.set(i.id, granted);
  return next;
}

/** A group toggle's state from its items: all, none, or some (indeterminate). */
export function groupState(items: readonly ConsentItem[], stored: DecisionMap, choices: DecisionMap): 'all' | 'none' | 'some' {
  const flat = flattenItems(items);
  const on = flat.filter((i) => isGranted(i.id, stored, choices)).length;
  return on === 0 ? 'none' : on === flat.length ? 'all' : 'some';
}

/**
 * The decisions to send, in order, so the provider ends up holding exactly the visitor's
 * choices: parents before children, and a child is skipped when its parent's event already
 * cascades the same answer to it. Unanswered items the visitor did not touch are not sent.
 */
export function planDecisions(catalog: ConsentCatalog, stored: DecisionMap, choices: DecisionMap): Decision[] {
  const effective = new Map(stored);
  const out: Decision[] = [];
  const visit = (item: ConsentItem) => {
    const want = choices.get(item.id);
    if (want !== undefined && effective.get(item.id) !== want) {
      out.push({ itemId: item.id, granted: want });
      for (const d of flattenItems(item.children ?? [])) effective.set(d.id, want);
    }
    item.children?.forEach(visit);
  };
  catalog.groups.forEach((g) => g.items.forEach(visit));
  return out;
}

/** Stored answers after a save: old state with the sent and cascaded decisions applied. */
export function applyDecisions(stored: DecisionMap, catalog: ConsentCatalog, sent: readonly Decision[]): Map<string, boolean> {
  const next = new Map(stored);
  const byId = itemIndex(catalog);
  for (const d of sent) {
    const item = byId.get(d.itemId);
    for (const i of item ? flattenItems([item]) : []) next.set(i.id, d.granted);
  }
  return next;
}
