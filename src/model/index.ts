export * from './types.js';
export * from './errors.js';
export * from './text.js';
export * from './tree.js';
export * from './decisions.js';
export * from './catalog.js';
export * from './limits.js';
export * from './receipt.js';
