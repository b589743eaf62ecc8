// The Pages Router: the same wrappers, server-rendered by getServerSideProps' page.
import { ConsentGroupPicker } from 'consent-elements/react';

export default function PagesRouter({ lang }: { lang: string }) {
  return (
    <main>
      <h1>Next.js Pages Router</h1>
      <ConsentGroupPicker id="choices" provider="host" endpoint="/api/consent" issuer="913456780" lang={lang} />
    </main>
  );
}

export const getServerSideProps = async () => ({ props: { lang: 'nb' } });
