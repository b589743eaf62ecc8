import { expect } from '@open-wc/testing';
import type { ConsentCatalog } from '../../src/model/types.js';
import { HostTransport } from '../../src/transports/host/host.js';

const catalog: ConsentCatalog = {
  source: 'host:preload',
  groups: [{ id: 'g', order: 1, active: true, texts: [], items: [{ id: 'c1', order: 1, active: true, ref: {}, texts: [] }] }],
};
const fromBackend = { decisions: [{ itemId: 'c1', granted: false }] };

/** A host transport on its own endpoint (answers are kept per URL) whose backend answers `fromBackend`, counting requests. */
function setUp(name: string) {
  const asked: string[] = [];
  const endpoint = `https://backend.test/${name}/`;
  const transport = new HostTransport({
    endpoint,
    retries: 0,
    fetch: async (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return new Response(JSON.stringify(String(input).includes('/catalog') ? catalog : String(input).includes('/access') ? { granted: false, reason: 'consent' } : fromBackend), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { transport, asked, endpoint };
}

/** Puts a preload script into the page, as the page's server would. */
function preload(answers: unknown, raw?: string) {
  const s = document.createElement('script');
  s.type = 'application/json';
  s.dataset.consentPreload = '';
  s.textContent = raw ?? JSON.stringify(answers);
  document.head.append(s);
  return s;
}

const nextTask = () => new Promise((r) => setTimeout(r));

describe('host transport: answers preloaded into the page', () => {
  let warn: typeof console.warn;
  let warned: unknown[][];
  beforeEach(() => {
    warn = console.warn;
    warned = [];
    console.warn = (...a: unknown[]) => void warned.push(a);
  });
  afterEach(() => {
    console.warn = warn;
    document.querySelectorAll('script[data-consent-preload]').forEach((s) => s.remove());
  });

  it('draws from them with no request, in the task that first asks; later reads ask the backend', async () => {
    const { transport, asked, endpoint } = setUp('first');
    preload([
      { url: `${endpoint}catalog?onlyActive=true&issuer=1`, answer: catalog },
      { url: `${endpoint}state?issuer=1`, answer: { decisions: [{ itemId: 'c1', granted: true }] } },
    ]);
    // Params in another order, and the subject hint, which the backend ignores.
    const [c, s, again] = await Promise.all([
      transport.loadCatalog({ issuer: '1', onlyActive: true }),
      transport.loadState({ issuer: '1', subject: { id: 'pseudonym', type: 'EXTERNAL' } }),
      transport.loadState({ issuer: '1' }),
    ]);
    expect(c).to.deep.equal(catalog);
    expect(s).to.deep.equal([{ itemId: 'c1', granted: true }]);
    expect(again).to.deep.equal(s, 'another element drawing with it');
    expect(asked).to.deep.equal([]);
    await nextTask();
    // The visitor may have decided since: the backend's answer, not the page's.
    expect(await transport.loadState({ issuer: '1' })).to.deep.equal(fromBackend.decisions);
    expect(asked).to.deep.equal([`GET ${endpoint}state?issuer=1`]);
  });

  it('answers an access question with the same fields in any order (a false flag is an absent one)', async () => {
    const { transport, asked, endpoint } = setUp('access');
    preload([{ url: `${endpoint}access`, body: { issuer: '1', consent: '120' }, answer: { granted: true, reason: 'consent' } }]);
    const answer = await transport.checkAccess({ consent: '120', issuer: '1', accessAzureAd: false });
    expect(answer).to.deep.equal({ granted: true, reason: 'consent' });
    expect(asked).to.deep.equal([]);
    // Another question is the backend's.
    await transport.checkAccess({ consent: '121', issuer: '1' });
    expect(asked).to.deep.equal([`POST ${endpoint}access`]);
  });

  it('asks the backend, and says why in the console, when a preloaded answer breaks the contract or the script is not JSON', async () => {
    const { transport, asked, endpoint } = setUp('broken');
    preload([{ url: `${endpoint}state?issuer=1`, answer: { decisions: [{ itemId: 'c1', granted: 'yes' }] } }]);
    preload(undefined, '{ not json');
    expect(await transport.loadState({ issuer: '1' })).to.deep.equal(fromBackend.decisions);
    expect(asked).to.deep.equal([`GET ${endpoint}state?issuer=1`]);
    const said = warned.map((a) => String(a[0]));
    expect(said.some((m) => m.includes('is not JSON [{ url, body?, answer }]'))).to.equal(true, said.join('\n'));
    expect(said.some((m) => m.includes(`preloaded /broken/state is not valid (decisions[0].granted`))).to.equal(true, said.join('\n'));
  });

  it('reads a preload script added after the first question (a page that streams it in later)', async () => {
    const { transport, asked, endpoint } = setUp('late');
    await transport.loadCatalog({ issuer: '2' });
    preload([{ url: `${endpoint}catalog?issuer=3`, answer: catalog }]);
    await transport.loadCatalog({ issuer: '3' });
    expect(asked).to.deep.equal([`GET ${endpoint}catalog?issuer=2`]);
  });
});
