import { expect } from '@open-wc/testing';
import { applyDecisions, choose, chooseAll, groupState, isGranted, planDecisions, toMap } from '../../src/model/decisions.js';
import type { ConsentCatalog, ConsentItem } from '../../src/model/types.js';

const item = (id: string, children?: ConsentItem[]): ConsentItem => ({ id, order: 0, texts: [], active: true, ref: {}, ...(children ? { children } : {}) });
// group g1: parent p with children c1, c2; leaf x. group g2: leaf y.
const p = item('p', [item('c1'), item('c2')]);
const catalog: ConsentCatalog = {
  source: 'test',
  groups: [
    { id: 'g1', order: 0, texts: [], active: true, items: [p, item('x')] },
    { id: 'g2', order: 1, texts: [], active: true, items: [item('y')] },
  ],
};
const none = new Map<string, boolean>();

describe('decisions', () => {
  it('shows nothing as granted without a stored answer or a choice', () => {
    expect(isGranted('x', none, none)).to.equal(false);
    expect(isGranted('x', toMap([{ itemId: 'x', granted: true }]), none)).to.equal(true);
    expect(isGranted('x', toMap([{ itemId: 'x', granted: true }]), toMap([{ itemId: 'x', granted: false }]))).to.equal(false);
  });

  it('sends only what differs from the stored state', () => {
    const stored = toMap([{ itemId: 'x', granted: true }, { itemId: 'y', granted: false }]);
    const choices = toMap([{ itemId: 'x', granted: true }, { itemId: 'y', granted: true }]);
    expect(planDecisions(catalog, stored, choices)).to.deep.equal([{ itemId: 'y', granted: true }]);
  });

  it('never sends untouched unanswered items', () => {
    expect(planDecisions(catalog, none, none)).to.deep.equal([]);
  });

  it('relies on the parent cascade and sends children only where they differ', () => {
    let choices = choose(none, p, true);
    expect(planDecisions(catalog, none, choices)).to.deep.equal([{ itemId: 'p', granted: true }]);
    choices = choose(choices, item('c2'), false);
    expect(planDecisions(catalog, none, choices)).to.deep.equal([
      { itemId: 'p', granted: true },
      { itemId: 'c2', granted: false },
    ]);
  });

  it('sends a child alone when only the child changed', () => {
    const stored = toMap([{ itemId: 'p', granted: true }, { itemId: 'c1', granted: true }, { itemId: 'c2', granted: true }]);
    expect(planDecisions(catalog, stored, toMap([{ itemId: 'c1', granted: false }]))).to.deep.equal([{ itemId: 'c1', granted: false }]);
  });

  it('sets a parent and its children together, and whole groups at once', () => {
    expect([...choose(none, p, false)]).to.deep.equal([['p', false], ['c1', false], ['c2', false]]);
    const all = chooseAll(none, catalog.groups[0]!.items, true);
    expect(groupState(catalog.groups[0]!.items, none, all)).to.equal('all');
    expect(groupState(catalog.groups[0]!.items, none, none)).to.equal('none');
    expect(groupState(catalog.groups[0]!.items, none, toMap([{ itemId: 'x', granted: true }]))).to.equal('some');
  });

  it('applies sent decisions with their cascade to the stored state', () => {
    const next = applyDecisions(none, catalog, [{ itemId: 'p', granted: true }, { itemId: 'c2', granted: false }]);
    expect(Object.fromEntries(next)).to.deep.equal({ p: true, c1: true, c2: false });
  });
});
