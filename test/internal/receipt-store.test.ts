// The receipts kept on the device (IndexedDB): the newest hundred, none past its age.
import { expect } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import { clearReceipts, keepReceipt, receipts } from '../../src/internal/receipt-store.js';
import type { ConsentReceipt } from '../../src/model/receipt.js';

const receipt = (id: string, seconds = Date.now() / 1000) => ({ consentReceiptID: id, consentTimestamp: Math.floor(seconds) }) as ConsentReceipt;

describe('receipt store', () => {
  beforeEach(() => clearReceipts());

  it('keeps the newest hundred, newest first, and drops one older than its age', async () => {
    // Kept 500 days ago, as the store names it (the time kept, then the id).
    const store = createStore('consent-elements-receipts', 'receipts');
    const old = Date.now() - 500 * 86_400_000;
    await set(`${String(old).padStart(15, '0')}:old`, receipt('old', old / 1000), store);
    await keepReceipt(receipt('r000'));
    expect(await keys(store), 'the expired one is gone from the store').to.have.length(1);
    // (Ids in the order kept: two kept within one millisecond are ordered by id.)
    for (let i = 1; i <= 100; i++) await keepReceipt(receipt(`r${String(i).padStart(3, '0')}`));
    expect(await keys(store)).to.have.length(100);
    const kept = await receipts();
    expect(kept[0]!.consentReceiptID).to.equal('r100');
    expect(kept.at(-1)!.consentReceiptID).to.equal('r001');
  });
});
