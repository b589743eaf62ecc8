import { DetailEvent } from './detail-event.js';
import type { Decision } from '../model/types.js';

export interface ConsentChangeDetail {
  /** Every item's current answer as shown (saved or not). */
  decisions: Decision[];
  /** What "Save choices" would send now. */
  changes: Decision[];
}

/** The visitor changed a choice; nothing is saved yet. */
export class ConsentChangeEvent extends DetailEvent<ConsentChangeDetail> {
  static readonly eventName = 'consent-change';
  constructor(detail: ConsentChangeDetail) {
    super(ConsentChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
