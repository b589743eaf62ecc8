import type { Receipt } from './types.js';

export const errorCodes = [
  'network',
  'timeout',
  'http',
  'unauthorized',
  'rate-limited',
  'invalid-response',
  'config',
  'unsupported',
  'internal',
] as const;

export type ConsentErrorCode = (typeof errorCodes)[number];

export interface ConsentErrorInit {
  status?: number;
  retryable?: boolean;
  /** Seconds the provider asked us to wait (Retry-After). */
  retryAfter?: number;
  /** The provider's id of the failed request (CSP `requestId`), for its support. */
  requestId?: string;
  /** The provider's own error code (CSP `cspErrorCode`, Connect `errorCode`). */
  providerCode?: string;
  /** The provider's error body's own fields, numbers and strings only (CSP `moduleCode`, `statusCode`). */
  providerDetail?: Readonly<Record<string, string | number>>;
  cause?: unknown;
}

const brand = Symbol.for('consent-elements.ConsentError');

/** Every failure a transport or element reports. `code` says what kind; `retryable` what to do. */
export class ConsentError extends Error {
  /**
   * Also true for a ConsentError made by another copy of the kit: the script tag's provider
   * chunks carry their own, and the page's code should not need to know which copy threw.
   */
  static override [Symbol.hasInstance](e: unknown): boolean {
    return typeof e === 'object' && e !== null && brand in e;
  }

  override readonly name = 'ConsentError';
  readonly code: ConsentErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfter?: number;
  readonly requestId?: string;
  readonly providerCode?: string;
  readonly providerDetail?: Readonly<Record<string, string | number>>;
  /** On a failed batch save: what the provider did store before the failure. */
  receipts?: Receipt[];

  constructor(code: ConsentErrorCode, message: string, init: ConsentErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
    this.providerCode = init.providerCode;
    this.providerDetail = init.providerDetail;
    this.retryable = init.retryable ?? defaultRetryable(code, init.status);
  }

  declare readonly [brand]: true;

  /** Plain data for event details and logs. */
  toJSON() {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      retryable: this.retryable,
      ...(this.requestId ? { requestId: this.requestId } : {}),
      ...(this.providerCode ? { providerCode: this.providerCode } : {}),
    };
  }
}

Object.defineProperty(ConsentError.prototype, brand, { value: true });

function defaultRetryable(code: ConsentErrorCode, status?: number): boolean {
  switch (code) {
    case 'network':
    case 'timeout':
    case 'rate-limited':
      return true;
    case 'http':
      return status === undefined || status >= 500 || status === 408;
    default:
      return false;
  }
}

/**
 * Wraps anything thrown into a ConsentError. Transports map network failures themselves, so
 * whatever else arrives here is a fault in code or data (`internal`): retrying cannot help.
 */
export function toConsentError(e: unknown): ConsentError {
  if (e instanceof ConsentError) return e;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ConsentError('internal', message || 'Unknown failure', { cause: e });
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
