import type { PrivacyAnswer, PrivacyRight } from '../model/types.js';
import { DetailEvent } from './detail-event.js';

export interface PrivacyRequestDetail extends PrivacyAnswer {
  /** `access`: a copy of the visitor's data; `erasure`: removing it. */
  right: PrivacyRight;
}

/** The provider took a visitor's request to use a privacy right (it opens a case; no data is returned). */
export class PrivacyRequestEvent extends DetailEvent<PrivacyRequestDetail> {
  static readonly eventName = 'privacy-request';
  constructor(detail: PrivacyRequestDetail) {
    super(PrivacyRequestEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'privacy-request': PrivacyRequestEvent;
  }
}
