// The transports and their pieces. Importing this registers nothing and starts nothing.
export * from './connect.js';
export * from './host.js';
export * from './consentua.js';
export * from './memory.js';
export * from './outbox.js';
export * from './cache.js';
export * from './http.js';
export * from './registry.js';
export * from './builtins.js';
export { transportContext } from './context.js';
