import { expect } from '@open-wc/testing';
import { HostTransport } from '../../src/transports/host/host.js';
import { clearFaults, eventsFor, failure, hostApi, newSubject, NORDLYS, queueFault } from '../helpers.js';

const EVENT_PATH = '/capi/v1/client/customer/privacy/consentEvent';

/** The host contract against the demo backend and the simulator: idempotent writes end to end. */
describe('host transport: idempotent writes through the backend', () => {
  afterEach(clearFaults);

  async function setUp() {
    const subject = { id: newSubject(), type: 'EXTERNAL' };
    const catalog = await new HostTransport({ endpoint: hostApi() }).loadCatalog({ issuer: NORDLYS });
    const save = (key: string, o: { timeout?: number } = {}) =>
      new HostTransport({ endpoint: hostApi(), ...o }).saveDecisions({
        issuer: NORDLYS,
        subject,
        catalog,
        idempotencyKey: key,
        decisions: [
          { itemId: '10', granted: true },
          { itemId: '11', granted: false },
        ],
      });
    /** One answer for item 10, made by the visitor at `eventTime`, under a key of its own. */
    const saveAt = (granted: boolean, eventTime: number) =>
      new HostTransport({ endpoint: hostApi() }).saveDecisions({
        issuer: NORDLYS, subject, catalog, eventTime, idempotencyKey: crypto.randomUUID(), decisions: [{ itemId: '10', granted }],
      });
    return { subject, save, saveAt };
  }

  it('(2) a 429 inside a multi-decision save never stores a decision twice', async () => {
    const { subject, save } = await setUp();
    // The first event goes through; the second meets a 429 burst longer than the backend retries.
    await queueFault('latency', { path: EVENT_PATH, ms: 0 });
    await queueFault('429', { path: EVENT_PATH, ms: 0, times: 3 });
    const receipts = await save(crypto.randomUUID());
    expect(receipts.map((r) => [r.itemId, r.granted])).to.deep.equal([['10', true], ['11', false]]);
    const events = await eventsFor(subject.id);
    expect(events.map((e) => [e.consentId, e.action])).to.deep.equal([[10, true], [11, false]]);
  });

  it('(3) a browser that gave up while the backend kept writing resends safely with the same key', async () => {
    const { subject, save } = await setUp();
    await queueFault('latency', { path: EVENT_PATH, ms: 1500 });
    const key = crypto.randomUUID();
    expect((await failure(save(key, { timeout: 400 }))).code).to.equal('timeout');
    // At once, as the outbox does for a transport that honours keys: the backend waits for its first write.
    const receipts = await save(key);
    expect(receipts.map((r) => [r.itemId, r.granted])).to.deep.equal([['10', true], ['11', false]]);
    const events = await eventsFor(subject.id);
    expect(events.map((e) => [e.consentId, e.action])).to.deep.equal([[10, true], [11, false]]);
  });

  it('(1) never stores a decision that reaches the backend after a later choice of the same item', async () => {
    const { subject, saveAt: save } = await setUp();
    const now = Date.now();
    await save(false, now);
    // A grant made 5 s earlier, whose request spent long on the way.
    const late = await save(true, now - 5000);
    expect(late.map(({ principal: _, ...r }) => r)).to.deep.equal([{ itemId: '10', granted: true, superseded: true }]);
    const events = await eventsFor(subject.id);
    expect(events.map((e) => [e.consentId, e.action])).to.deep.equal([[10, false]]);
  });

  it('(1) a later choice refused for good does not outdate an earlier one that arrives after it', async () => {
    const { subject, saveAt: save } = await setUp();
    const now = Date.now();
    // The provider answers the later choice with an HTML page: refused, never stored.
    await queueFault('html', { path: EVENT_PATH, ms: 0 });
    expect((await failure(save(true, now))).code).to.equal('invalid-response');
    // The same choice made a moment before (another tab's), reaching the backend only now, is stored.
    const earlier = await save(true, now - 500);
    expect(earlier.map((r) => [r.itemId, r.granted, r.superseded])).to.deep.equal([['10', true, undefined]]);
    const events = await eventsFor(subject.id);
    expect(events.map((e) => [e.consentId, e.action])).to.deep.equal([[10, true]]);
  });

  it('answers a repeated key with the first receipts and stores nothing again', async () => {
    const { subject, save } = await setUp();
    const key = crypto.randomUUID();
    const first = await save(key);
    const again = await save(key);
    expect(again).to.deep.equal(first);
    expect(await eventsFor(subject.id)).to.have.length(2);
  });
});
