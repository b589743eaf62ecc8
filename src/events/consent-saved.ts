import { DetailEvent } from './detail-event.js';
import type { Decision, Receipt } from '../model/types.js';

export interface ConsentSavedDetail {
  decisions: Decision[];
  /** What the provider answered, one per sent decision. */
  receipts: Receipt[];
  /** True when durably queued for sending rather than confirmed by the provider. */
  queued: boolean;
}

/** The provider confirmed the decisions. */
export class ConsentSavedEvent extends DetailEvent<ConsentSavedDetail> {
  static readonly eventName = 'consent-saved';
  constructor(detail: ConsentSavedDetail) {
    super(ConsentSavedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-saved': ConsentSavedEvent;
  }
}
