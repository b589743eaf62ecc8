// Type tests (`npm run typecheck`): the React wrappers accept what the elements take and refuse
// typos. Each `@ts-expect-error` fails the check when the line below it stops being an error.
import { ConsentAccessGate, ConsentGroupPicker, ConsentPurposeTemplate, MemoryTransport } from '../../src/react.js';

export const fine = (
  <>
    <ConsentGroupPicker
      provider="host"
      endpoint="/api/consent"
      issuer="913456780"
      privacyRights
      fallbackLang="en"
      theme="dark"
      lang="nb"
      className="prefs"
      onConsentChange={(e) => e.detail.changes.map((c) => c.itemId)}
      onConsentSaved={(e) => e.detail.decisions}
      onPrivacyRequest={(e) => e.detail}
    />
    <ConsentPurposeTemplate transport={new MemoryTransport({ catalog: { source: 'memory', groups: [] } })} clientId="266" serviceId="105" templateId="41" />
    <ConsentAccessGate provider="host" consent="120" onAccessChange={(e) => e.detail.granted} />
  </>
);

export const typos = (
  <>
    {/* @ts-expect-error a typo'd property */}
    <ConsentGroupPicker isuer="913456780" />
    {/* @ts-expect-error a theme that does not exist */}
    <ConsentGroupPicker theme="blue" />
    {/* @ts-expect-error a handler of the wrong event: consent-change has no `granted` */}
    <ConsentGroupPicker onConsentChange={(e) => e.detail.granted} />
    {/* @ts-expect-error the gate has no consent-change event */}
    <ConsentAccessGate onConsentChange={() => undefined} />
    {/* @ts-expect-error a read-only property */}
    <ConsentAccessGate state="granted" />
  </>
);
