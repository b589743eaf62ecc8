// Classes, types, transports and configure(); importing this registers nothing (no tags, no providers).
export * from './common.js';
export { OutboxTransport, type OutboxEntry, type OutboxOptions } from './transports/core/outbox.js';
export * from './transports/connect/connect.js';
export * from './transports/consentua/consentua.js';
// For custom transports on createHttp: the provider error-body reading the built-in ones use.
export { providerErrorBody } from './transports/core/provider-errors.js';
export type { ErrorBody } from './transports/core/http.js';
