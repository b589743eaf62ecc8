/** A provider text in one language. `lang` is normalised BCP 47 (`nb-NO`). */
export interface LocalizedText {
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
  /** What the transport needs to write a decision back (wire ids, target/scope, …). */
  ref: Record<string, unknown>;
}

export interface ConsentGroupModel {
  id: string;
  order: number;
  texts: LocalizedText[];
  active: boolean;
  items: ConsentItem[];
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
}

/** Who the decisions are about. Connect subject types, or a provider's own. */
export interface Subject {
  id: string;
  type: string;
}

export interface CatalogQuery {
  issuer?: string;
  /** Only items the provider still offers. Default true. */
  onlyActive?: boolean;
  lang?: string;
}

export interface StateQuery {
  issuer?: string;
  subject?: Subject;
  catalog?: ConsentCatalog;
}

export interface SaveRequest {
  issuer?: string;
  subject?: Subject;
  /** Where the event came from (Connect `source`). */
  source?: string;
  /** Only the changed decisions, in the order they must be sent. */
  decisions: Decision[];
  catalog: ConsentCatalog;
  /** When the visitor acted (epoch ms). */
  eventTime?: number;
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
}

export interface AccessQuery {
  product?: string;
  articleId?: string;
  domain?: string;
  categoryType?: string;
  consent?: string;
  subject?: Subject;
}

export interface AccessResult {
  granted: boolean;
  reason: string;
  accesses?: unknown[];
}

/** The one interface every provider transport implements. Capabilities are optional. */
export interface ConsentTransport {
  /** Short provider name, for errors and `catalog.source`. */
  readonly name: string;
  loadCatalog(q: CatalogQuery, signal?: AbortSignal): Promise<ConsentCatalog>;
  loadState?(q: StateQuery, signal?: AbortSignal): Promise<Decision[]>;
  saveDecisions?(q: SaveRequest, signal?: AbortSignal): Promise<Receipt[]>;
  checkAccess?(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult>;
}
