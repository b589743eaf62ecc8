import { DetailEvent } from './detail-event.js';
import type { ConsentErrorCode } from '../model/errors.js';

export interface ConsentErrorDetail {
  code: ConsentErrorCode;
  status?: number;
  message: string;
  retryable: boolean;
  /** What failed: loading the choices, saving them, checking access (the gate), or a privacy-right request. */
  operation: 'load' | 'save' | 'access' | 'privacy';
  /** On a save: false when a save the visitor was told is queued was refused for good (not recorded). */
  queued?: boolean;
  /** The provider's (or backend's) id of the failed request, to quote to its support. */
  requestId?: string;
  /** The provider's own error code, e.g. CSP `forbidden`. */
  providerCode?: string;
}

/** Loading or saving failed. The element shows the error and a Retry button. */
export class ConsentErrorEvent extends DetailEvent<ConsentErrorDetail> {
  static readonly eventName = 'consent-error';
  constructor(detail: ConsentErrorDetail) {
    super(ConsentErrorEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-error': ConsentErrorEvent;
  }
}
