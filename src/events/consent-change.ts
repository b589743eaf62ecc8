import type { Decision } from '../model/types.js';

export interface ConsentChangeDetail {
  /** Every item's current answer as shown (saved or not). */
  decisions: Decision[];
  /** What "Save choices" would send now. */
  changes: Decision[];
}

/** The visitor changed a choice; nothing is saved yet. */
export class ConsentChangeEvent extends Event {
  static readonly eventName = 'consent-change';
  readonly detail: ConsentChangeDetail;
  constructor(detail: ConsentChangeDetail) {
    super(ConsentChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
