// What every entry exposes: classes, types, transports but the provider ones, configure().
// Importing this registers nothing (no tags, no providers).
export { ConsentAccessGate, type GateState } from './elements/consent-access-gate/consent-access-gate.js';
export { ConsentGroupPicker } from './elements/consent-group-picker/consent-group-picker.js';
export { ConsentPurposeTemplate } from './elements/consent-purpose-template/consent-purpose-template.js';
export { ConsentPrompt } from './elements/consent-prompt/consent-prompt.js';
export * from './events/index.js';
export * from './model/index.js';
export * from './transports/index.js';
export { configure, getDefaults, CONFIGURE_EVENT, type ConsentDefaults, type ConsentModeMapping, type ConsentModeType, type PageConsentOptions } from './config.js';
export { loadLocale, matchLocale, type UiLocale } from './i18n/localization.js';
export { receipts, clearReceipts } from './internal/receipts.js';
export { consents, scopeKey } from './page/index.js';
