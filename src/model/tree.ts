import { ConsentError } from './errors.js';
import { LIMITS } from './limits.js';
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
 * sorted by order. Linear and without recursion; nesting deeper than `LIMITS.depth` is refused
 * (`invalid-response`), so everything that walks the tree later stays bounded.
 */
export function nestItems(flat: readonly ConsentItem[], parentOf: (item: ConsentItem) => string | undefined): ConsentItem[] {
  const byId = new Map(flat.map((i) => [i.id, i]));
  const parent = new Map<string, string | undefined>();
  for (const i of byId.values()) {
    const p = parentOf(i);
    parent.set(i.id, p !== undefined && p !== i.id && byId.has(p) ? p : undefined);
  }
  // Depth of each item by walking up once per chain (memoized); a walk that meets itself is a cycle.
  const depth = new Map<string, number>();
  const cyclic = new Set<string>();
  for (const id of byId.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let p: string | undefined = id;
    while (p !== undefined && !depth.has(p) && !onChain.has(p)) {
      chain.push(p);
      onChain.add(p);
      p = parent.get(p);
    }
    if (p !== undefined && onChain.has(p)) {
      // Everything from p up the chain is the cycle: its members become roots.
      for (let k = chain.indexOf(p); k < chain.length; k++) {
        cyclic.add(chain[k]!);
        depth.set(chain[k]!, 0);
      }
      chain.length = chain.indexOf(p);
      p = chain.length ? parent.get(chain[chain.length - 1]!) : undefined;
    }
    let d = p === undefined ? -1 : depth.get(p)!;
    for (let k = chain.length - 1; k >= 0; k--) {
      d += 1;
      if (d >= LIMITS.depth)
        throw new ConsentError('invalid-response', `Consent ${chain[k]} is nested ${d + 1} levels deep; the limit is ${LIMITS.depth}.`);
      depth.set(chain[k]!, d);
    }
  }
  const children = new Map<string, ConsentItem[]>();
  const roots: ConsentItem[] = [];
  for (const i of byId.values()) {
    const p = cyclic.has(i.id) ? undefined : parent.get(i.id);
    if (p === undefined) roots.push(i);
    else children.set(p, [...(children.get(p) ?? []), i]);
  }
  // Deepest first, so each item's children are finished before it is.
  const finished = new Map<string, ConsentItem>();
  for (const i of [...byId.values()].sort((a, b) => depth.get(b.id)! - depth.get(a.id)!)) {
    const kids = sortByOrder(children.get(i.id) ?? []).map((c) => finished.get(c.id)!);
    const { children: _drop, ...rest } = i;
    finished.set(i.id, kids.length ? { ...rest, children: kids } : rest);
  }
  return sortByOrder(roots).map((r) => finished.get(r.id)!);
}

/** Items in display order, parents before their children (without recursion). */
export function flattenItems(items: readonly ConsentItem[]): ConsentItem[] {
  const out: ConsentItem[] = [];
  const stack = [...items].reverse();
  while (stack.length) {
    const i = stack.pop()!;
    out.push(i);
    for (let k = (i.children?.length ?? 0) - 1; k >= 0; k--) stack.push(i.children![k]!);
  }
  return out;
}
