import { DetailEvent } from './detail-event.js';
import type { Decision } from '../model/types.js';

export interface ConsentSubmitDetail {
  /** The decisions about to be sent, in order. */
  decisions: Decision[];
}

/** Decisions are about to be sent. Call `preventDefault()` to stop the save. */
export class ConsentSubmitEvent extends DetailEvent<ConsentSubmitDetail> {
  static readonly eventName = 'consent-submit';
  constructor(detail: ConsentSubmitDetail) {
    super(ConsentSubmitEvent.eventName, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-submit': ConsentSubmitEvent;
  }
}
