// The device's receipts, as the elements keep them and the package exports them. The store (with
// its IndexedDB wrapper) is imported when first asked, so it stays in a chunk of its own:
// re-exported as it is, it sat in the first file of every page on the define or React entries.
// (The script tag has receipt-store.script-tag.ts in this module's place.)
type Store = typeof import('./receipt-store.js');

/** Keeps a receipt of a confirmed save on this device. */
export const recordReceipt: Store['recordReceipt'] = async (i) => (await import('./receipt-store.js')).recordReceipt(i);

/** The consent receipts kept on this device, newest first (expired ones are not listed). */
export const receipts: Store['receipts'] = async () => (await import('./receipt-store.js')).receipts();

/** Forgets every receipt kept on this device. */
export const clearReceipts: Store['clearReceipts'] = async () => (await import('./receipt-store.js')).clearReceipts();
