import type { ConsentError } from './errors.js';

/** A provider text in one language. `lang` is normalised BCP 47 (`nb-NO`). */
export interface LocalizedText {
  /** The provider's id of this wording (Connect `consentTextId`), when it keeps one: a receipt names it. */
  id?: string;
  /** Which version of that wording (Connect `consentTextHistoryId`). */
  version?: string;
  lang: string;
  title: string;
  description?: string;
}

/** One thing a visitor can grant or refuse: a Connect consent, a Consentua purpose, … */
export interface ConsentItem {
  id: string;
  order: number;
  texts: LocalizedText[];
  /** Whether the provider still offers this item (not whether it was granted). */
  active: boolean;
  /** Items nested under this one (Connect `parentConsentId`). */
  children?: ConsentItem[];
  /** What the visitor should know besides the title (Consentua purposes), in the loaded language. */
  info?: ItemInfo;
  /** What the transport needs to write a decision back (wire ids, target/scope, …). */
  ref: Record<string, unknown>;
}

/** Details a provider gives about one item. Plain text; `link` is shown only when http(s). */
export interface ItemInfo {
  /** The personal data used, e.g. "Your e-mail address". */
  dataUse?: string;
  /** Named when the data is disclosed to a third party. */
  thirdParty?: string;
  /** Set when the data is sensitive (special category); its category when given. */
  sensitive?: { category?: string };
  /** "More about this" address. */
  link?: string;
  /** "How to withdraw" address (Consentua `TerminationURI`). */
  withdrawLink?: string;
  /** The provider's category, e.g. a Kantara consent-receipt category. */
  category?: string;
}

export interface ConsentGroupModel {
  id: string;
  order: number;
  texts: LocalizedText[];
  active: boolean;
  items: ConsentItem[];
  /**
   * `multi` (default): a checkbox per item plus the group's "All" toggle.
   * `binary`: the provider shows the group as one yes/no. Elements still offer a control per
   * item when the group holds several (consent is per purpose); one control only for one item.
   */
  display?: 'multi' | 'binary';
}

/** Everything an element shows, in the provider's order, with all loaded languages. */
export interface ConsentCatalog {
  /** Which provider and scope it came from, e.g. `connect:468979834`. */
  source: string;
  groups: ConsentGroupModel[];
  texts?: LocalizedText[];
  version?: string;
}

/** A visitor's answer for one item. */
export interface Decision {
  itemId: string;
  granted: boolean;
  /** What the provider's record says besides yes or no, when it keeps one (read only: SuperOffice). */
  record?: DecisionRecord;
}

/**
 * The provider's record behind a stored answer. Only `consent` is an answer the visitor gave;
 * on `legitimate-interest` the data is processed without consent and the visitor may object
 * (GDPR Art. 21): such an item counts as not answered, so objecting (choosing "no") is sent.
 */
export interface DecisionRecord {
  /** `other`: a basis the visitor cannot object to here (contract, legal obligation, …). */
  basis: 'consent' | 'withdrawn' | 'legitimate-interest' | 'other';
  /** The provider's name of the legal basis, e.g. "Legitimate interest". */
  basisName?: string;
  /** Where it was recorded, e.g. "Web form". */
  source?: string;
  /** When it was last changed, epoch ms. */
  at?: number;
}

/** Who the decisions are about. Connect subject types, or a provider's own. */
export interface Subject {
  id: string;
  type: string;
}

/** Which catalog: a Connect issuer, or Consentua client, service and template ids. */
export interface ProviderScope {
  issuer?: string;
  clientId?: string;
  serviceId?: string;
  templateId?: string;
}

export interface CatalogQuery extends ProviderScope {
  /** Only items the provider still offers. Default true. */
  onlyActive?: boolean;
  lang?: string;
}

export interface StateQuery extends ProviderScope {
  subject?: Subject;
  catalog?: ConsentCatalog;
}

export interface SaveRequest extends ProviderScope {
  subject?: Subject;
  /** Where the event came from (Connect `source`). */
  source?: string;
  /** Only the changed decisions, in the order they must be sent. */
  decisions: Decision[];
  /**
   * Choices the visitor made that equal what the provider holds (not sent): an outbox lets them
   * outdate what older queued or refused saves say of those items.
   */
  confirms?: Decision[];
  catalog: ConsentCatalog;
  /** When the visitor acted (epoch ms). */
  eventTime?: number;
  /**
   * Evidence of who made these decisions, set by a backend from its session (how the visitor
   * signed in, …), never taken from a browser: Consentua `AuthenticationData` (JSON unless a string).
   */
  evidence?: unknown;
  /**
   * Awaited before each request a transport sends for this save. Where a save is several
   * requests (Connect: one event per decision), an outbox stamps when the last one left: that,
   * not when the first left, bounds when an unanswered write may still land.
   */
  beforeWrite?: () => Promise<void>;
  /**
   * Names this save for the provider or host backend: a repeated key is answered with the
   * first result instead of being stored again. Each decision's key is `${key}:${itemId}:${granted}`.
   */
  idempotencyKey?: string;
}

/** What the provider answered for one saved decision. */
export interface Receipt {
  itemId: string;
  granted: boolean;
  /** Provider id of the stored event or record. */
  id?: string;
  /** Server time of the record, epoch ms. */
  created?: number;
  /** Other items the provider changed as a consequence (cascade to children). */
  cascaded?: Decision[];
  /** Version of the catalog (template) the visitor answered. */
  version?: string;
  /** The provider's id and version of the wording the visitor was shown (Connect consent text). */
  textId?: string;
  textVersion?: string;
  /**
   * Whose decision the provider stored, as a pseudonym (`sha256:` of `type:id`), when a backend
   * chose the subject (its session or visitor cookie): receipts then name that visitor.
   */
  principal?: string;
  /** Kept on this device and not yet confirmed by the provider: it will be sent later. */
  queued?: boolean;
  /** Why it is queued: the visitor's connection, or the provider (busy, failing). */
  queuedBecause?: 'connection' | 'provider';
  /**
   * Not stored: the visitor had decided this item again later, and that later decision reached
   * the provider first (this save spent long on the way). The provider holds the later choice.
   */
  superseded?: boolean;
}

/** What happened to a scope's saves, heard by `watch()` in this tab and the visitor's other tabs. */
export interface QueueEvent {
  /**
   * `state`: what the provider holds was read; `pending`: a save was made and is on its way;
   * `sent`: confirmed; `queued`: kept to send later; `failed`: refused (not recorded);
   * `superseded`: a newer choice replaced these.
   */
  type: 'state' | 'pending' | 'sent' | 'queued' | 'failed' | 'superseded';
  /** The save (outbox entry) it is about. */
  entry?: string;
  /** That save's place in the visitor's order of intents: an event of an older save never overrides a newer one. */
  seq?: number;
  decisions: Decision[];
  receipts?: Receipt[];
  error?: ConsentError;
  /** The page that saved was told "queued", so the outcome is news to the visitor. */
  announced?: boolean;
  /** Heard from another tab. */
  remote?: boolean;
}

/** A scope's saves that wait to be sent, and those the provider refused for good. */
export interface QueueState {
  pending: Decision[];
  failed: Decision[];
  error?: ConsentError;
}

/**
 * A question for `checkAccess`: entitlement fields (Connect check access) and/or a consent
 * that must be given. When several are asked, all must hold.
 */
export interface AccessQuery {
  product?: string;
  articleId?: string;
  domain?: string;
  categoryType?: string;
  /** Only a server knows the visitor's address: never sent from browsers. */
  ip?: string;
  /** Ask a host backend to check access by the visitor's address, which it takes from the request. */
  ipAccess?: boolean;
  /** Connect's extra checks: Azure AD, aID family, domain access by category type, the list of articles. */
  accessAzureAd?: boolean;
  accessAidFamily?: boolean;
  accessDomain?: boolean;
  accessArticle?: boolean;
  /** Who is asking, for entitlements (Connect: from the Profile API, or e-mail/phone). Server-side. */
  uniqueId?: string;
  credential?: string;
  customerNumber?: number;
  /** Id of a consent (or purpose, or CSP consent) that must be given. */
  consent?: string;
  issuer?: string;
  subject?: Subject;
}

/** One way access was or was not given (Connect `accesses[]`). */
export interface AccessEntry {
  access: boolean;
  /** Connect access level code, e.g. `A` product, `B` article. */
  level?: string;
  /** Connect access type code, e.g. `A` subscription. */
  type?: string;
  detail?: unknown;
}

export interface AccessResult {
  granted: boolean;
  /** Waiting for someone else's decision (a CSP consent `REQUESTED`). Never granted. */
  pending?: boolean;
  /** Short machine-readable why: `entitled`, `not-entitled`, `consent-given`, `consent-missing`, `consent-requested`, … */
  reason: string;
  accesses?: AccessEntry[];
}

/** The one interface every provider transport implements. Capabilities are optional. */
/** A data subject's right the provider takes requests for: a copy of the data (GDPR art. 15), or erasure (art. 17). */
export type PrivacyRight = 'access' | 'erasure';

export interface PrivacyRequest {
  right: PrivacyRight;
  /** Ask the provider to send the visitor a receipt of the request. */
  sendReceipt: boolean;
}

/** The provider's answer: it opened a case (Connect `success`), and whether it sent a receipt (`receiptSend`). */
export interface PrivacyAnswer {
  accepted: boolean;
  receiptSent: boolean;
}

export interface ConsentTransport {
  /** Short provider name, for errors and `catalog.source`. */
  readonly name: string;
  loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog>;
  loadState?(q: StateQuery, signal?: AbortSignal): Promise<Decision[]>;
  saveDecisions?(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]>;
  checkAccess?(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult>;
  /** True when a repeated `idempotencyKey` is answered with the first result (the host contract). */
  readonly idempotentWrites?: boolean;
  /** Outcomes of a scope's saves, from this tab and the visitor's other tabs (the outbox). */
  watch?(q: StateQuery, fn: (e: QueueEvent) => void): () => void;
  /** What waits to be sent for a scope (the outbox). */
  queued?(q: StateQuery): Promise<QueueState>;
  /** Opens a privacy-right case for the signed-in visitor (Connect Access / Remove private data). */
  requestPrivacy?(r: PrivacyRequest, signal?: AbortSignal): Promise<PrivacyAnswer>;
}
