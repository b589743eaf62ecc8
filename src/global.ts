// `window.ConsentElements`, the script tag's global (types only, `consent-elements/iife`):
// `/// <reference types="consent-elements/iife" />` in a page's TypeScript.
import type * as ScriptTag from './script-tag.js';

declare global {
  interface Window {
    /** What the script tag (`consent-elements.iife.js`) exposes: `configure`, `registerProvider`, the transports, … */
    ConsentElements: typeof ScriptTag;
  }
  // eslint-disable-next-line no-var
  var ConsentElements: typeof ScriptTag;
}
