import type { AccessEntry } from '../model/types.js';
import { DetailEvent } from './detail-event.js';

export interface AccessChangeDetail {
  granted: boolean;
  /** `entitled`, `not-entitled`, `consent-given`, `consent-missing`, `consent-requested`, `error`, … */
  reason: string;
  pending?: boolean;
  accesses?: AccessEntry[];
}

/** A gate opened or closed. */
export class AccessChangeEvent extends DetailEvent<AccessChangeDetail> {
  static readonly eventName = 'access-change';
  constructor(detail: AccessChangeDetail) {
    super(AccessChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'access-change': AccessChangeEvent;
  }
}
