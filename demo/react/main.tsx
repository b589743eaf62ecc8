// A React app using the elements through `consent-elements/react`: typed props and `on…` events.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsentAccessGate, ConsentGroupPicker, type Decision } from '../../src/react.js';

function App() {
  const [changes, setChanges] = useState<Decision[]>([]);
  const [saved, setSaved] = useState<string>('');
  const [access, setAccess] = useState<string>('checking');
  return (
    <main>
      <p className="small">
        <a href="/">← Script-tag demo</a>
      </p>
      <h1>React app</h1>
      <p id="react-status" aria-live="polite">
        {changes.length} unsaved change(s){saved && ` · ${saved}`}
      </p>
      <ConsentGroupPicker
        provider="host"
        endpoint="/api/consent"
        issuer="913456780"
        source="React demo"
        onConsentChange={(e) => setChanges(e.detail.changes)}
        onConsentSaved={(e) => {
          setChanges([]);
          setSaved(`saved ${e.detail.decisions.map((d) => `${d.itemId}=${d.granted ? 'yes' : 'no'}`).join(', ')}`);
        }}
      />
      <h2>Video</h2>
      <p id="react-access">Video gate: {access}</p>
      <ConsentAccessGate
        provider="host"
        endpoint="/api/consent"
        issuer="913456780"
        consent="120"
        onAccessChange={(e) => setAccess(e.detail.granted ? 'open' : 'closed')}
      >
        <template dangerouslySetInnerHTML={{ __html: '<iframe src="/embed/video.html?v=react" title="Video"></iframe>' }} />
        <p slot="denied">Allow “Videos from our video partner” above to watch.</p>
      </ConsentAccessGate>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
