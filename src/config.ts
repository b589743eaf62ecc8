import type { ReceiptSettings } from './model/receipt.js';
import type { ConsentTransport, ProviderScope } from './model/types.js';
import type { Theme } from './internal/theme.js';

/** Fired on `globalThis` after every `configure()` call. */
export const CONFIGURE_EVENT = 'consent-configure';

/** Page-wide defaults for elements that set none themselves (script-tag pages). */
export interface ConsentDefaults {
  /** Used by every element without its own `transport`, `provider` or context. */
  transport?: ConsentTransport;
  /** Per provider name, for elements that say `provider="…"`. */
  transports?: Partial<Record<string, ConsentTransport>>;
  /** UI and text language when an element has no `lang` and no ancestor has one. */
  lang?: string;
  /** Language of the texts shown when none is in the wanted language, for elements without `fallback-lang`. Default `en`. */
  fallbackLang?: string;
  /** The publisher's part of consent receipts (controller, policy, jurisdiction); with it, the visitor can download a receipt after each save. */
  receipt?: ReceiptSettings;
  /** Bearer token for `provider="connect"` in user mode (the host's own login). */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Where the page reads the visitor's decisions on start, for `consents.get`, `data-consent` markup, the prompt and Consent Mode. */
  consents?: PageConsentOptions;
  /** A CSP nonce for the scripts `data-consent` markup runs (default: the blocked script's own `nonce`). */
  nonce?: string;
  /** Google Consent Mode v2: each consent type and the consent ids that must all be given for it to be `granted`. */
  consentMode?: ConsentModeMapping;
  /**
   * Script tag only: the folder holding the bundle's `locales/` and `providers/` (a URL or a
   * path, read relative to the page). Default: the script tag's `data-assets-path`, else the
   * folder the bundle was loaded from.
   */
  assetsPath?: string;
  /** Colours of elements without a `theme` of their own: `light`, `dark` or `auto` (the visitor's system). Default: the page's `color-scheme`. */
  theme?: Theme;
  /** `false`: configuration errors are not written to the console (default: each once, with what to fix). */
  diagnostics?: boolean;
}

/** Google Consent Mode v2 types the kit can set. */
export type ConsentModeType = 'ad_storage' | 'ad_user_data' | 'ad_personalization' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage' | 'security_storage';
export type ConsentModeMapping = Partial<Record<ConsentModeType, readonly string[]>>;

/** Where the page reads the visitor's decisions on start: `configure({ consents })`. */
export interface PageConsentOptions extends ProviderScope {
  /** A provider name (`host`, …) with `endpoint`; default: `configure({ transport })`. */
  provider?: string;
  endpoint?: string;
  /** As the elements' `subject` / `subject-type` (default: the pseudonymous visitor). */
  subject?: string;
  subjectType?: string;
}

let defaults: ConsentDefaults = {};

/** Sets page-wide defaults. Later calls merge into earlier ones. */
export function configure(next: ConsentDefaults): void {
  defaults = { ...defaults, ...next, transports: { ...defaults.transports, ...next.transports } };
  globalThis.dispatchEvent?.(new Event(CONFIGURE_EVENT));
}

export function getDefaults(): Readonly<ConsentDefaults> {
  return defaults;
}
