import type { Decision } from '../model/types.js';

export interface ConsentSubmitDetail {
  /** The decisions about to be sent, in order. */
  decisions: Decision[];
}

/** Decisions are about to be sent. Call `preventDefault()` to stop the save. */
export class ConsentSubmitEvent extends Event {
  static readonly eventName = 'consent-submit';
  readonly detail: ConsentSubmitDetail;
  constructor(detail: ConsentSubmitDetail) {
    super(ConsentSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-submit': ConsentSubmitEvent;
  }
}
