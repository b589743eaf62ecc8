import { expect } from '@open-wc/testing';
import { compareOrder, flattenItems, nestItems, sortByOrder } from '../../src/model/tree.js';
import type { ConsentCatalog, ConsentItem } from '../../src/model/types.js';
import type { ConsentError } from '../../src/model/errors.js';
import { checkLimits, LIMITS } from '../../src/model/limits.js';

const item = (id: string, order: number, parent?: string): ConsentItem => ({
  id,
  order,
  texts: [],
  active: true,
  ref: parent === undefined ? {} : { parent },
});
const parentOf = (i: ConsentItem) => i.ref.parent as string | undefined;
const shape = (items: ConsentItem[]): unknown => items.map((i) => (i.children ? [i.id, shape(i.children)] : i.id));

describe('ordering and nesting', () => {
  it('sorts by selectionOrder, not by id or input order', () => {
    const groups = [item('1', 2), item('2', 1), item('3', 4), item('4', 3)];
    expect(sortByOrder(groups).map((g) => g.id)).to.deep.equal(['2', '1', '4', '3']);
  });

  it('breaks ties on id, numerically when ids are numbers', () => {
    expect(sortByOrder([item('10', 1), item('9', 1), item('b', 0), item('a', 0)]).map((g) => g.id)).to.deep.equal(['a', 'b', '9', '10']);
    expect(compareOrder(item('2', 1), item('10', 1))).to.be.lessThan(0);
  });

  it('nests children under their parent and orders every level', () => {
    const flat = [item('1', 2, '1'), item('3', 2, '1'), item('2', 1, '1'), item('4', 3, '1'), item('5', 1, '5')];
    expect(shape(nestItems(flat, parentOf))).to.deep.equal(['5', ['1', ['2', '3', '4']]]);
  });

  it('treats self-parents, unknown parents and cycles as roots without losing items', () => {
    const flat = [item('a', 1, 'a'), item('b', 2, 'missing'), item('c', 3, 'd'), item('d', 4, 'c'), item('e', 5, 'c')];
    const tree = nestItems(flat, parentOf);
    expect(tree.map((i) => i.id)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(tree.find((i) => i.id === 'c')!.children!.map((i) => i.id)).to.deep.equal(['e']);
    expect(flattenItems(tree)).to.have.length(5);
  });

  it('nests more than one level deep and flattens parents first', () => {
    const flat = [item('c', 1, 'b'), item('b', 1, 'a'), item('a', 1)];
    expect(shape(nestItems(flat, parentOf))).to.deep.equal([['a', [['b', ['c']]]]]);
    expect(flattenItems(nestItems(flat, parentOf)).map((i) => i.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('(8) refuses nesting deeper than the limit with a typed error, without recursion', () => {
    // A chain 5,000 deep once overflowed the stack; now it is an invalid-response naming the limit.
    const chain = Array.from({ length: 5000 }, (_, k) => item(String(k), k, k ? String(k - 1) : undefined));
    let error: unknown;
    try {
      nestItems(chain, parentOf);
    } catch (e) {
      error = e;
    }
    expect((error as ConsentError).code).to.equal('invalid-response');
    expect((error as ConsentError).message).to.contain(`the limit is ${LIMITS.depth}`);
    // Up to the limit is fine.
    const ok = nestItems(chain.slice(0, LIMITS.depth), parentOf);
    expect(flattenItems(ok).map((i) => i.id)).to.deep.equal(chain.slice(0, LIMITS.depth).map((i) => i.id));
  });

  it('(8) nests thousands of siblings in linear time', () => {
    const flat = Array.from({ length: 20_000 }, (_, k) => item(String(k), k, k % 2 ? String(k - 1) : undefined));
    const t0 = performance.now();
    const nested = nestItems(flat, parentOf);
    expect(nested).to.have.length(10_000);
    expect(flattenItems(nested)).to.have.length(20_000);
    // Generous: a quadratic walk takes seconds here.
    expect(performance.now() - t0).to.be.below(1000);
  });
});

describe('catalog limits', () => {
  const catalog = (items: ConsentItem[], title = 'Group'): ConsentCatalog => ({
    source: 'test',
    groups: [{ id: 'g', order: 0, active: true, texts: [{ lang: 'en', title }], items }],
  });

  it('(8) names the limit a catalog breaks: items, text length', () => {
    const many = Array.from({ length: LIMITS.items + 1 }, (_, k) => item(String(k), k));
    const check = (c: ConsentCatalog) => {
      try {
        checkLimits(c);
      } catch (e) {
        return e as ConsentError;
      }
      return undefined;
    };
    expect(check(catalog(many))?.message).to.equal(`The catalog has ${LIMITS.items + 1} items; the limit is ${LIMITS.items}.`);
    expect(check(catalog([item('1', 1)], 'x'.repeat(10_000_000)))?.code).to.equal('invalid-response');
    expect(check(catalog(many.slice(0, LIMITS.items)))).to.equal(undefined);
  });

  it('(8) names the item, group or detail that breaks a limit, nested items counted and checked too', () => {
    const message = (c: ConsentCatalog) => {
      try {
        checkLimits(c);
      } catch (e) {
        return (e as ConsentError).message;
      }
      return undefined;
    };
    const long = 'x'.repeat(LIMITS.title + 1);
    const nested = (depth: number, leaf: Partial<ConsentItem> = {}): ConsentItem =>
      depth === 1 ? { ...item('leaf', 0), ...leaf } : { ...item(`d${depth}`, 0), children: [nested(depth - 1, leaf)] };
    expect(message(catalog([item('1', 1)], long))).to.equal(`The title of group g has ${LIMITS.title + 1} characters; the limit is ${LIMITS.title}.`);
    expect(message(catalog([nested(3, { texts: [{ lang: 'en', title: long }] })]))).to.equal(
      `The title of item leaf has ${LIMITS.title + 1} characters; the limit is ${LIMITS.title}.`,
    );
    expect(message(catalog([nested(3, { info: { dataUse: 'x'.repeat(LIMITS.text + 1) } })]))).to.equal(
      `A detail of item leaf has ${LIMITS.text + 1} characters; the limit is ${LIMITS.text}.`,
    );
    expect(message(catalog([nested(LIMITS.depth + 1)]))).to.equal(`Item leaf is nested ${LIMITS.depth + 1} levels deep; the limit is ${LIMITS.depth}.`);
    expect(message(catalog([nested(LIMITS.depth)]))).to.equal(undefined);
    // Nested items count towards the limit of items.
    const wide = { ...item('top', 0), children: Array.from({ length: LIMITS.items }, (_, k) => item(String(k), k)) };
    expect(message(catalog([wide]))).to.equal(`The catalog has ${LIMITS.items + 1} items; the limit is ${LIMITS.items}.`);
  });
});
