import type { ConsentCatalog } from '../model/types.js';

export interface ConsentLoadDetail {
  catalog: ConsentCatalog;
}

/** The provider's choices are loaded and shown. */
export class ConsentLoadEvent extends Event {
  static readonly eventName = 'consent-load';
  readonly detail: ConsentLoadDetail;
  constructor(detail: ConsentLoadDetail) {
    super(ConsentLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-load': ConsentLoadEvent;
  }
}
