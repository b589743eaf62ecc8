import type { ConsentItem } from './types.js';

interface Ordered {
  id: string;
  order: number;
}

/** Provider order first; ties broken by id (numerically when both are numbers). */
export function compareOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order - b.order;
  const na = Number(a.id);
  const nb = Number(b.id);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByOrder<T extends Ordered>(list: readonly T[]): T[] {
  return [...list].sort(compareOrder);
}

/**
 * Nests flat items under their parents. An item is a root when it has no parent, points at
 * itself (Connect does this), at an item not in the list, or sits in a cycle. Every level is
 * sorted by order.
 */
export function nestItems(flat: readonly ConsentItem[], parentOf: (item: ConsentItem) => string | undefined): ConsentItem[] {
  const byId = new Map(flat.map((i) => [i.id, { ...i, children: [] as ConsentItem[] }]));
  const parentId = (id: string) => {
    const p = parentOf(byId.get(id)!);
    return p !== undefined && p !== id && byId.has(p) ? p : undefined;
  };
  const inCycle = (id: string) => {
    const seen = new Set<string>();
    for (let p = parentId(id); p !== undefined && !seen.has(p); p = parentId(p)) {
      if (p === id) return true;
      seen.add(p);
    }
    return false;
  };
  const roots: ConsentItem[] = [];
  for (const item of byId.values()) {
    const p = parentId(item.id);
    if (p === undefined || inCycle(item.id)) roots.push(item);
    else byId.get(p)!.children!.push(item);
  }
  const finish = (items: ConsentItem[]): ConsentItem[] =>
    sortByOrder(items).map((i) => {
      const children = finish(i.children ?? []);
      const { children: _drop, ...rest } = i;
      return children.length ? { ...rest, children } : rest;
    });
  return finish(roots);
}

/** Items in display order, parents before their children. */
export function flattenItems(items: readonly ConsentItem[]): ConsentItem[] {
  return items.flatMap((i) => [i, ...flattenItems(i.children ?? [])]);
}
