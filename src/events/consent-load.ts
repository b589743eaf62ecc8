import { DetailEvent } from './detail-event.js';
import type { ConsentCatalog } from '../model/types.js';

export interface ConsentLoadDetail {
  /** Read-only (frozen): every element showing it shares the one object. */
  catalog: ConsentCatalog;
}

/** The provider's choices are loaded and shown. */
export class ConsentLoadEvent extends DetailEvent<ConsentLoadDetail> {
  static readonly eventName = 'consent-load';
  constructor(detail: ConsentLoadDetail) {
    super(ConsentLoadEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-load': ConsentLoadEvent;
  }
}
