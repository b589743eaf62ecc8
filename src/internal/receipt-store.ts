import { clear, createStore, entries, keys, setMany, delMany, type UseStore } from 'idb-keyval';
import { consentReceipt, pseudonym, type ConsentReceipt, type ReceiptInput, type ReceiptSettings } from '../model/receipt.js';
import type { Subject } from '../model/types.js';

/** Receipts kept on the device: the newest this many, none older than this. */
const MAX = 100;
const MAX_AGE_MS = 400 * 86_400_000;

let store: UseStore | undefined;
const db = () => (store ??= createStore('consent-elements-receipts', 'receipts'));

/** Receipts of this device, newest first; keys start with the time kept (ms), so saves within one second keep their order. */
async function kept(): Promise<[string, ConsentReceipt][]> {
  const all = await entries<string, ConsentReceipt>(db());
  return all.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Keeps a receipt on this device; the oldest and expired ones go. */
export async function keepReceipt(r: ConsentReceipt): Promise<void> {
  // By their keys alone (the time each was kept): a hundred receipts of a long catalog are not read at each save.
  const cutoff = String(Date.now() - MAX_AGE_MS).padStart(15, '0');
  const drop = ((await keys(db())) as string[]).sort().reverse().filter((k, i) => i >= MAX - 1 || k < cutoff);
  await setMany([[`${String(Date.now()).padStart(15, '0')}:${r.consentReceiptID}`, r]], db());
  if (drop.length) await delMany(drop, db());
}

/** The consent receipts kept on this device, newest first (expired ones are not listed). */
export async function receipts(): Promise<ConsentReceipt[]> {
  const cutoff = (Date.now() - MAX_AGE_MS) / 1000;
  return (await kept()).map(([, r]) => r).filter((r) => r.consentTimestamp >= cutoff);
}

/** Forgets every receipt kept on this device. */
export const clearReceipts = (): Promise<void> => clear(db());

export interface RecordInput extends Pick<ReceiptInput, 'catalog' | 'decisions' | 'receipts' | 'shown'> {
  subject?: Subject;
  /** Which element collected it. */
  tag: string;
  /** The publisher's `configure({ receipt })` (passed in: this module arrives on its own, and does not read the page's defaults). */
  settings?: ReceiptSettings;
}

/**
 * Makes and keeps the receipt of a confirmed save, with the publisher's `configure({ receipt })`
 * settings. The visitor is named by a hash of their subject id, never the id itself.
 */
export async function recordReceipt(i: RecordInput): Promise<ConsentReceipt> {
  const settings = i.settings ?? { jurisdiction: '', piiControllers: [], policyUrl: '' };
  const receipt = consentReceipt({
    ...i,
    settings,
    // The backend's word on whose decisions these are wins over the page's own subject.
    principal: i.receipts.find((r) => r.principal)?.principal ?? (i.subject ? await pseudonym(i.subject) : ''),
    id: crypto.randomUUID(),
    now: Date.now(),
    where: `<${i.tag}> ${location.origin}${location.pathname}`,
  });
  await keepReceipt(receipt).catch(() => undefined);
  return receipt;
}
