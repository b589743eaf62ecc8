import { CONFIGURE_EVENT, getDefaults, type ConsentModeMapping } from '../config.js';
import { consents } from './consents.js';

/**
 * Google Consent Mode v2 from the visitor's decisions: `gtag('consent', 'default', …)` with every
 * mapped type `denied` as soon as `configure({ consentMode })` is called (so before the page's tags
 * when the kit is loaded first), then `gtag('consent', 'update', …)` whenever a type changes. It
 * loads no Google script: it only speaks to the page's `gtag`, or `dataLayer` as gtag does.
 */
function gtag(..._args: unknown[]): void {
  const w = globalThis as unknown as { gtag?: (...a: unknown[]) => void; dataLayer?: unknown[] };
  if (typeof w.gtag === 'function') return w.gtag(..._args);
  // Google's tags read consent commands as `arguments` objects, not arrays.
  // eslint-disable-next-line prefer-rest-params
  (w.dataLayer ??= []).push(arguments);
}

type Status = Record<string, 'granted' | 'denied'>;
let mapping: ConsentModeMapping | undefined;
let last = '';

const statusOf = (m: ConsentModeMapping): Status =>
  Object.fromEntries(Object.entries(m).map(([type, ids]) => [type, consents.all(ids ?? []) ? 'granted' : 'denied']));

function update(): void {
  if (!mapping) return;
  const now = statusOf(mapping);
  const key = JSON.stringify(now);
  if (key === last) return;
  last = key;
  gtag('consent', 'update', now);
}

function configured(): void {
  const m = getDefaults().consentMode;
  if (!m || m === mapping) return;
  const first = !mapping;
  mapping = m;
  if (first) {
    const denied = Object.fromEntries(Object.keys(m).map((t) => [t, 'denied']));
    last = JSON.stringify(denied);
    // Tags wait this long for the first update (the visitor's decisions being read) before they act on `denied`.
    gtag('consent', 'default', { ...denied, wait_for_update: 500 });
  }
  update();
}

/** Starts the bridge: now if `configure({ consentMode })` was called, else when it is. */
let started = false;
export function startConsentMode(): void {
  if (started) return;
  started = true;
  configured();
  globalThis.addEventListener?.(CONFIGURE_EVENT, configured);
  consents.subscribe(update);
}
