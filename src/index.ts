// Classes, types, transports and configure(); importing this registers nothing (no tags, no providers).
export * from './common.js';
export * from './transports/connect/connect.js';
export * from './transports/consentua/consentua.js';
