// The privacy-rights buttons and dialog, loaded when an element offers them (most pages never do).
export const loadPrivacyRights = () => import('./privacy-rights.js');
