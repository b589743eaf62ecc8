import { getDefaults } from '../config.js';
import { importBesideScript } from './beside-script.js';

// The receipt store as the script-tag bundle has it (vite.config.ts puts this module in place of
// receipts.ts and receipt-store.ts there, so the bundle holds no dynamic import of its own): its
// code, with IndexedDB's wrapper, is fetched from beside the bundle (`providers/receipts.js`) at
// the first save or `receipts()`. Inlined, it cost every visitor 1.2 KB of brotli; bundlers split
// it off by themselves.

type Store = typeof import('./receipt-store.js');
let told = false;
const store = () =>
  (importBesideScript('providers/receipts.js') as Promise<Store>).catch((e: unknown) => {
    // Saves are not held back by it, so a missing file would go unnoticed: the console says it, once.
    if (!told && getDefaults().diagnostics !== false) console.warn(`consent-elements: consent receipts are not kept: ${e instanceof Error ? e.message : String(e)}`);
    told = true;
    throw e;
  });

export const recordReceipt: Store['recordReceipt'] = async (i) => (await store()).recordReceipt(i);
export const receipts: Store['receipts'] = async () => (await store()).receipts();
export const clearReceipts: Store['clearReceipts'] = async () => (await store()).clearReceipts();
