'use client';
// Event handlers are functions, which cannot be passed from a Server Component: they live here.
import { useState } from 'react';
import { ConsentGroupPicker } from 'consent-elements/react';

export function Choices() {
  const [status, setStatus] = useState('nothing changed');
  return (
    <>
      <p id="status" aria-live="polite">
        {status}
      </p>
      <ConsentGroupPicker
        id="choices"
        provider="host"
        endpoint="/api/consent"
        issuer="913456780"
        source="Next.js example"
        onConsentChange={(e) => setStatus(`${e.detail.changes.length} unsaved change(s)`)}
        onConsentSaved={(e) => setStatus(`saved ${e.detail.decisions.map((d) => `${d.itemId}=${d.granted ? 'yes' : 'no'}`).join(', ')}`)}
      />
    </>
  );
}
