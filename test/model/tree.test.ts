import { expect } from '@open-wc/testing';
import { compareOrder, flattenItems, nestItems, sortByOrder } from '../../src/model/tree.js';
import type { ConsentItem } from '../../src/model/types.js';

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
});
