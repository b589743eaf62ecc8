// Type tests (`npm run typecheck`) for consent-elements/jsx (React 19's own custom-element
// support) and consent-elements/iife (`window.ConsentElements`). Each `@ts-expect-error` fails
// the check when the line below it stops being an error.
import type {} from '../../src/jsx.js';
import type {} from '../../src/global.js';
import { MemoryTransport } from '../../src/index.js';

export const fine = (
  <>
    <consent-group-picker
      provider="host"
      endpoint="/api/consent"
      issuer="913456780"
      privacy-rights
      fallback-lang="en"
      theme="auto"
      className="prefs"
      onconsent-change={(e) => e.detail.changes.length}
      onprivacy-request={(e) => e.detail}
    />
    <consent-purpose-template transport={new MemoryTransport({ catalog: { source: 'memory', groups: [] } })} client-id="266" service-id="105" template-id="41" />
    <consent-access-gate provider="host" consent="120" access-level="premium" onaccess-change={(e) => e.detail.granted}>
      <p slot="denied">Allow it above.</p>
    </consent-access-gate>
    <consent-prompt layout="banner" />
  </>
);

export const typos = (
  <>
    {/* @ts-expect-error a typo'd attribute */}
    <consent-group-picker isuer="913456780" />
    {/* @ts-expect-error the property's name is not the attribute's */}
    <consent-purpose-template clientId="266" />
    {/* @ts-expect-error a layout that does not exist */}
    <consent-prompt layout="sidebar" />
    {/* @ts-expect-error a handler of the wrong event */}
    <consent-access-gate onaccess-change={(e: CustomEvent<{ changes: [] }>) => e.detail.changes} />
  </>
);

window.ConsentElements.configure({ theme: 'dark' });
// @ts-expect-error not an export of the script tag
window.ConsentElements.nope();
