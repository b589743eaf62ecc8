import type { ConsentCatalog, ConsentItem, Decision, LocalizedText, Receipt, Subject } from './types.js';

/** Who collects the consent (Kantara `piiControllers[]`). */
export interface ReceiptController {
  piiController: string;
  contact: string;
  address?: string;
  email?: string;
  phone?: string;
  piiControllerUrl?: string;
  onBehalf?: boolean;
}

/** The publisher's part of every receipt: `configure({ receipt })`. */
export interface ReceiptSettings {
  /** ISO 3166 code of the law the consent is collected under, e.g. `SE`, `GB`. */
  jurisdiction: string;
  piiControllers: ReceiptController[];
  /** The privacy notice the visitor could read. */
  policyUrl: string;
  /** How the consent was collected. Default `web form`. */
  collectionMethod?: string;
  /** How a visitor withdraws. Default: the same form, any time. */
  termination?: string;
}

/** One purpose the visitor answered, as shown to them (Kantara purpose, ISO/IEC TS 27560 names for the rest). */
export interface ReceiptPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: 'EXPLICIT';
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
  thirdPartyName?: string;
  /** ISO/IEC TS 27560: `given` or `withdrawn`. */
  consent_status: 'given' | 'withdrawn';
  /** The provider's id of the stored event or record. */
  record_id?: string;
  /** The provider's time of the record, ISO 8601. */
  record_time?: string;
  /** The exact title and description shown, their language, and the catalog version. */
  notice_text: string;
  notice_language: string;
  notice_version?: string;
  /** The provider's id of the wording shown (Connect consent text), when it keeps one. */
  notice_id?: string;
  /** Which item of the catalog. */
  item_id: string;
}

/** A Kantara Consent Receipt v1.1 (KI-CR-v1.1.0), kept on the visitor's device and downloadable. */
export interface ConsentReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  /** Seconds since the epoch. */
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: string;
  piiPrincipalId: string;
  piiControllers: ReceiptController[];
  policyUrl: string;
  services: { service: string; purposes: ReceiptPurpose[] }[];
  sensitive: boolean;
  spiCat: string[];
}

export interface ReceiptInput {
  settings: ReceiptSettings;
  catalog: ConsentCatalog;
  /** What the visitor decided, and what the provider answered for each. */
  decisions: Decision[];
  receipts: Receipt[];
  /** The text shown for each item, as picked for the visitor's language. */
  shown: (texts: readonly LocalizedText[]) => LocalizedText | undefined;
  /** A pseudonymous id of the visitor (never their raw identifier). */
  principal: string;
  id: string;
  /** Epoch ms: the time of the save when the provider names none for its records. */
  now: number;
  /** Where it was collected, e.g. the page address. */
  where?: string;
}

/** Builds the receipt of one confirmed save. Pure: ids and time come in. */
export function consentReceipt(i: ReceiptInput): ConsentReceipt {
  // Walked here rather than with decisions.ts's allItems: the device store that builds receipts
  // is a chunk of its own, and sharing that module split it off the page's start bundle.
  const items = new Map<string, ConsentItem>();
  const walk = (list: readonly ConsentItem[]): void => list.forEach((item) => (items.set(item.id, item), walk(item.children ?? [])));
  i.catalog.groups.forEach((g) => walk(g.items));
  const answered = new Map(i.receipts.map((r) => [r.itemId, r]));
  let language = '';
  const purposes = i.decisions.map((d): ReceiptPurpose => {
    const item = items.get(d.itemId);
    const text = item ? i.shown(item.texts) : undefined;
    language ||= text?.lang ?? '';
    const r = answered.get(d.itemId);
    const info = item?.info;
    return {
      purpose: text?.title ?? d.itemId,
      purposeCategory: info?.category ? [info.category] : [],
      consentType: 'EXPLICIT',
      piiCategory: info?.dataUse ? [info.dataUse] : [],
      primaryPurpose: false,
      termination: i.settings.termination ?? 'The same form, at any time.',
      thirdPartyDisclosure: !!info?.thirdParty,
      ...(info?.thirdParty ? { thirdPartyName: info.thirdParty } : {}),
      consent_status: d.granted ? 'given' : 'withdrawn',
      ...(r?.id ? { record_id: r.id } : {}),
      ...(r?.created ? { record_time: new Date(r.created).toISOString() } : {}),
      notice_text: [text?.title, text?.description].filter(Boolean).join('\n'),
      notice_language: text?.lang ?? '',
      ...((text?.version ?? r?.version ?? i.catalog.version) ? { notice_version: text?.version ?? r?.version ?? i.catalog.version } : {}),
      ...(text?.id ? { notice_id: text.id } : {}),
      item_id: d.itemId,
    };
  });
  const decided = new Set(i.decisions.map((d) => d.itemId));
  const spiCat = [...new Set([...items.values()].filter((x) => decided.has(x.id) && x.info?.sensitive).map((x) => x.info!.sensitive!.category ?? 'sensitive'))];
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: i.settings.jurisdiction,
    // The provider's record time where it has one, so the receipt matches what it stored (the device's clock is late by the round trip, or just wrong).
    consentTimestamp: Math.floor((Math.max(0, ...i.receipts.map((r) => r.created ?? 0)) || i.now) / 1000),
    collectionMethod: [i.settings.collectionMethod ?? 'web form', i.where].filter(Boolean).join(': '),
    consentReceiptID: i.id,
    language,
    piiPrincipalId: i.principal,
    piiControllers: i.settings.piiControllers,
    policyUrl: i.settings.policyUrl,
    services: [{ service: i.catalog.source, purposes }],
    sensitive: spiCat.length > 0,
    spiCat,
  };
}

/** A subject as receipts name it: `sha256:` of `type:id`, never the id itself. */
export async function pseudonym(s: Subject): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${s.type}:${s.id}`)));
  return `sha256:${[...hash].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
