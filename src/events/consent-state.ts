import { DetailEvent } from './detail-event.js';

export interface ConsentStateDetail {
  /** The provider scope: a Connect issuer, Consentua `clientId/serviceId/templateId`, or `''` for a provider with one. */
  scope: string;
  /** Every decision of that scope the page knows now, consent id → given. */
  decisions: Readonly<Record<string, boolean>>;
  /** The ids whose answer changed (or became known). */
  changed: readonly string[];
}

/** The visitor's decisions known to the page changed (fired on `document`). */
export class ConsentStateEvent extends DetailEvent<ConsentStateDetail> {
  static readonly eventName = 'consent-state';
  constructor(detail: ConsentStateDetail) {
    super(ConsentStateEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-state': ConsentStateEvent;
  }
}
