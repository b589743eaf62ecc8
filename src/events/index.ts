export * from './consent-load.js';
export * from './consent-change.js';
export * from './consent-submit.js';
export * from './consent-saved.js';
export * from './consent-error.js';
export * from './detail-event.js';
export * from './access-change.js';
export * from './privacy-request.js';
