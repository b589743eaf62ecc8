import type { ConsentCatalog, ConsentGroupModel, ConsentItem } from './types.js';

/** Active groups with their active items (retired children dropped too), empty groups left out. */
export function visibleGroups(catalog: ConsentCatalog): ConsentGroupModel[] {
  const active = (items: readonly ConsentItem[]): ConsentItem[] =>
    items.filter((i) => i.active).map((i) => (i.children ? { ...i, children: active(i.children) } : i));
  return catalog.groups
    .filter((g) => g.active)
    .map((g) => ({ ...g, items: active(g.items) }))
    .filter((g) => g.items.length > 0);
}
