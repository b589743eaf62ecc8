import type { ConsentErrorCode } from '../model/errors.js';

export interface ConsentErrorDetail {
  code: ConsentErrorCode;
  status?: number;
  message: string;
  retryable: boolean;
  /** What failed: loading the choices or saving them. */
  operation: 'load' | 'save';
}

/** Loading or saving failed. The element shows the error and a Retry button. */
export class ConsentErrorEvent extends Event {
  static readonly eventName = 'consent-error';
  readonly detail: ConsentErrorDetail;
  constructor(detail: ConsentErrorDetail) {
    super(ConsentErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-error': ConsentErrorEvent;
  }
}
