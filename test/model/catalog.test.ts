import { expect } from '@open-wc/testing';
import { firstItems } from '../../src/model/catalog.js';
import type { ConsentGroupModel, ConsentItem } from '../../src/model/types.js';

const item = (id: string, children?: ConsentItem[]): ConsentItem => ({ id, order: 0, texts: [], active: true, ref: {}, ...(children ? { children } : {}) });
const group = (id: string, items: ConsentItem[]): ConsentGroupModel => ({ id, order: 0, texts: [], active: true, items });
const shape = (groups: ConsentGroupModel[]) => groups.map((g) => [g.id, g.items.map((i) => i.id)]);

describe('firstItems: a huge catalog drawn a slice at a time', () => {
  const groups = [group('a', [item('1'), item('2', [item('3'), item('4')])]), group('b', [item('5'), item('6')])];

  it('keeps everything when the budget covers it', () => {
    const r = firstItems(groups, 6);
    expect(r.complete).to.equal(true);
    expect(shape(r.groups)).to.deep.equal([['a', ['1', '2']], ['b', ['5', '6']]]);
  });

  it('cuts between top-level items, counting nested ones, and never splits an item from its children', () => {
    expect(shape(firstItems(groups, 3).groups)).to.deep.equal([['a', ['1']]]);
    const r = firstItems(groups, 5);
    expect(r.complete).to.equal(false);
    expect(shape(r.groups)).to.deep.equal([['a', ['1', '2']], ['b', ['5']]]);
  });

  it('always shows at least one item, however small the budget', () => {
    expect(shape(firstItems([group('b', [item('2', [item('3')])])], 1).groups)).to.deep.equal([['b', ['2']]]);
  });
});
