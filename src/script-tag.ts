// The script-tag bundle (`dist/consent-elements.iife.js`, global `ConsentElements`): registers
// the tags and the built-in providers, and exposes what a script-tag page uses: the element and
// event classes, the transports, configure(), the page's consents and receipts. Not the pure
// model functions or the http core, which only custom code bundled by the page needs (the
// `consent-elements` package has them): each kept here is paid by every visitor. The provider
// transport classes (and the memory transport, for tests and demos) fetch their code
// (`providers/*.js`, beside the bundle) when first built, so a page on its own backend
// downloads none of it.
import { defineConsentElements } from './register.js';

defineConsentElements();

export { defineConsentElements };
export { ConsentAccessGate, type GateState } from './elements/consent-access-gate/consent-access-gate.js';
export { ConsentGroupPicker } from './elements/consent-group-picker/consent-group-picker.js';
export { ConsentPurposeTemplate } from './elements/consent-purpose-template/consent-purpose-template.js';
export { ConsentPrompt } from './elements/consent-prompt/consent-prompt.js';
export * from './events/index.js';
export type * from './model/types.js';
export { ConsentError, type ConsentErrorCode } from './model/errors.js';
export { HostTransport, type HostOptions } from './transports/host/host.js';
export type { MemoryOptions } from './transports/memory/memory.js';
export { LazyOutbox as OutboxTransport } from './transports/core/outbox.lazy.js';
export type { OutboxOptions } from './transports/core/outbox.js';
export { CachedTransport, type CacheOptions } from './transports/core/cache.js';
export { registerProvider, type TransportFactory } from './transports/core/registry.js';
export { registerBuiltInProviders, forgetCatalogs } from './transports/builtins.js';
export { transportContext } from './transports/core/context.js';
export { configure, getDefaults, CONFIGURE_EVENT, type ConsentDefaults } from './config.js';
export { loadLocale, matchLocale, type UiLocale } from './i18n/localization.js';
export { receipts, clearReceipts } from './internal/receipts.js';
export { consents, scopeKey } from './page/index.js';
export { LazyConnectTransport as ConnectTransport, LazyConsentuaTransport as ConsentuaTransport } from './transports/providers.js';
export { MemoryTransport } from './transports/memory/memory.script-tag.js';
