import type { Decision, Receipt } from '../model/types.js';

export interface ConsentSavedDetail {
  decisions: Decision[];
  /** What the provider answered, one per sent decision. */
  receipts: Receipt[];
  /** True when durably queued for sending rather than confirmed by the provider. */
  queued: boolean;
}

/** The provider confirmed the decisions. */
export class ConsentSavedEvent extends Event {
  static readonly eventName = 'consent-saved';
  readonly detail: ConsentSavedDetail;
  constructor(detail: ConsentSavedDetail) {
    super(ConsentSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-saved': ConsentSavedEvent;
  }
}
