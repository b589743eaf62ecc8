// A Server Component: no 'use client' here. The wrappers are client components, so they render on
// the server with their attributes and come alive in the browser.
import { ConsentAccessGate } from 'consent-elements/react';
import { Choices } from './choices';

export default function Page() {
  return (
    <main>
      <h1>Next.js App Router</h1>
      <Choices />
      <h2>Video</h2>
      <ConsentAccessGate id="video" provider="host" endpoint="/api/consent" issuer="913456780" consent="120">
        <p>The video from our video partner would play here.</p>
        <p slot="denied">Allow “Videos from our video partner” above to watch.</p>
      </ConsentAccessGate>
    </main>
  );
}
