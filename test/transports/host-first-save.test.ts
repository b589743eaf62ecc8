// A new visitor's first saves in two tabs at once: the second waits for the first's answer (and
// so carries the visitor cookie it set). Its own file: the page's first save is module state.
import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentCatalog } from '../../src/model/types.js';
import { FIRST_SAVE_LOCK, HostTransport } from '../../src/transports/host/host.js';

const catalog: ConsentCatalog = { source: 'host', groups: [] };

describe('host transport: the first save across tabs', () => {
  it('sends the page’s first save only while no other tab’s first save is on its way', async () => {
    const sent: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ receipts: [{ itemId: '1', granted: true }] }), { headers: { 'content-type': 'application/json' } });
    };
    // Another tab's first save holds the lock until answered.
    let answered = () => {};
    const otherTab = navigator.locks.request(FIRST_SAVE_LOCK, () => new Promise<void>((r) => (answered = r)));
    const transport = new HostTransport({ endpoint: '/api/consent', fetch });
    const save = transport.saveDecisions({ issuer: '1', catalog, decisions: [{ itemId: '1', granted: true }] });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent, 'sent while the other tab’s first save was on its way').to.deep.equal([]);
    answered();
    await otherTab;
    expect((await save).map((r) => r.itemId)).to.deep.equal(['1']);
    await waitUntil(() => sent.length === 1);
    // The page's later saves follow its first; they take no lock.
    void navigator.locks.request(FIRST_SAVE_LOCK, () => new Promise<void>(() => {}));
    await transport.saveDecisions({ issuer: '1', catalog, decisions: [{ itemId: '1', granted: false }] });
    expect(sent).to.have.length(2);
  });
});
