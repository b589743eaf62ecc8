import { once } from './once.js';
import type { ConsentCatalog, ConsentGroupModel, ConsentItem } from './types.js';

/** The items shown (active, in active groups, nested ones too) that hold no decision in `stored`: what a visitor has not decided yet. */
export function undecidedItems(catalog: ConsentCatalog, stored: ReadonlyMap<string, boolean>): ConsentItem[] {
  const walk = (items: readonly ConsentItem[]): ConsentItem[] => items.flatMap((i) => [...(stored.has(i.id) ? [] : [i]), ...walk(i.children ?? [])]);
  return visibleGroups(catalog).flatMap((g) => walk(g.items));
}

/** Active groups with their active items (retired children dropped too), empty groups left out. */
export function visibleGroups(catalog: ConsentCatalog): ConsentGroupModel[] {
  return visible(catalog);
}
const visible = once((catalog: ConsentCatalog): ConsentGroupModel[] => {
  const active = (items: readonly ConsentItem[]): ConsentItem[] =>
    items.filter((i) => i.active).map((i) => (i.children ? { ...i, children: active(i.children) } : i));
  return catalog.groups
    .filter((g) => g.active)
    .map((g) => ({ ...g, items: active(g.items) }))
    .filter((g) => g.items.length > 0);
});

/** Items in a list, nested ones included. */
export const countItems = (items: readonly ConsentItem[]): number => items.reduce((n, i) => n + 1 + countItems(i.children ?? []), 0);

/**
 * The groups cut to their first `budget` items (nested ones counted, a top-level item always
 * whole, at least one shown): a huge catalog is drawn a slice per frame, never in one long task.
 */
export function firstItems(groups: readonly ConsentGroupModel[], budget: number): { groups: ConsentGroupModel[]; complete: boolean } {
  const out: ConsentGroupModel[] = [];
  let used = 0;
  for (const g of groups) {
    // Counted without copying: a slice of a huge catalog walks every item drawn before it.
    for (let k = 0; k < g.items.length; k++) {
      const item = g.items[k]!;
      const n = item.children ? countItems([item]) : 1;
      if (used > 0 && used + n > budget) {
        if (k) out.push({ ...g, items: g.items.slice(0, k) });
        return { groups: out, complete: false };
      }
      used += n;
    }
    out.push(g);
  }
  return { groups: out, complete: true };
}
