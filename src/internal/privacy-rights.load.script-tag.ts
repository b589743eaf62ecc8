// The script tag holds the privacy-rights part itself (vite's alias puts this file in place of
// privacy-rights.load.ts): a dynamic import inside one IIFE only wraps the modules it reaches in
// lazy initialisers, 0.5 KB more for nothing.
import { PrivacyRights } from './privacy-rights.js';

export const loadPrivacyRights = () => Promise.resolve({ PrivacyRights });
