// The rules the three elements share (one visitor, one page language, a gate that fails closed).
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentAccessGate } from '../../src/elements/consent-access-gate/consent-access-gate.js';
import type { ConsentGroupPicker } from '../../src/elements/consent-group-picker/consent-group-picker.js';
import type { AccessQuery, ConsentCatalog, StateQuery, Subject } from '../../src/model/types.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { button, localeIs, ready } from './harness.js';

const catalog: ConsentCatalog = {
  source: 'memory:shared',
  groups: [
    { id: 'g', order: 1, active: true, texts: [{ lang: 'en', title: 'News' }], items: [{ id: 'c1', order: 1, active: true, ref: {}, texts: [{ lang: 'en', title: 'Weekly' }] }] },
  ],
};

/** A memory transport that notes whose state and access it was asked about. */
class Recording extends MemoryTransport {
  readonly subjects: Subject[] = [];
  override loadState(q: StateQuery, signal?: AbortSignal) {
    if (q.subject) this.subjects.push(q.subject);
    return super.loadState(q, signal);
  }
  override checkAccess(q: AccessQuery, signal?: AbortSignal) {
    if (q.subject) this.subjects.push(q.subject);
    return super.checkAccess(q, signal);
  }
}

describe('rules shared by every element', () => {
  it('a picker and a gate with only subject-type="CONNECTID" ask about the same visitor', async () => {
    const t = new Recording({ catalog });
    const box = await fixture<HTMLElement>(html`<div>
      <consent-group-picker subject-type="CONNECTID" .transport=${t}></consent-group-picker>
      <consent-access-gate subject-type="CONNECTID" consent="c1" .transport=${t}></consent-access-gate>
    </div>`);
    await waitUntil(() => t.subjects.length >= 2, 'both elements asked');
    const [picker, gate] = t.subjects;
    expect(gate).to.deep.equal(picker);
    // Without a subject, the pseudonymous id is the visitor, and it is external whatever subject-type says.
    expect(picker!.type).to.equal('EXTERNAL');
    box.remove();
  });

  it('a given subject keeps its subject-type in both', async () => {
    const t = new Recording({ catalog });
    await fixture(html`<div>
      <consent-group-picker subject="42" subject-type="CONNECTID" .transport=${t}></consent-group-picker>
      <consent-access-gate subject="42" subject-type="CONNECTID" consent="c1" .transport=${t}></consent-access-gate>
    </div>`);
    await waitUntil(() => t.subjects.length >= 2, 'both elements asked');
    expect(t.subjects).to.deep.equal([{ id: '42', type: 'CONNECTID' }, { id: '42', type: 'CONNECTID' }]);
  });

  for (const order of ['picker first', 'gate first']) {
    it(`draws each element's strings in its own language: a picker with lang="nb-NO" beside a gate without lang (${order})`, async () => {
      // The test page is <html lang="en-GB">: the gate inherits English, the picker says Norwegian.
      const t = new MemoryTransport({ catalog });
      const picker = html`<consent-group-picker lang="nb-NO" .transport=${t}></consent-group-picker>`;
      const gate = html`<consent-access-gate consent="c1" .transport=${t}></consent-access-gate>`;
      const box = await fixture<HTMLElement>(order === 'picker first' ? html`<div>${picker}${gate}</div>` : html`<div>${gate}${picker}</div>`);
      const g = box.querySelector<ConsentAccessGate>('consent-access-gate')!;
      const p = box.querySelector<ConsentGroupPicker>('consent-group-picker')!;
      await waitUntil(() => g.state === 'denied', 'gate settled');
      await localeIs(p, 'nb');
      await localeIs(g, 'en');
      await elementUpdated(g);
      await ready(p);
      expect(button(p, 'save').textContent!.trim()).to.equal('Lagre valgene');
      expect(g.shadowRoot!.querySelector('[part=message]')!.textContent!.trim()).to.equal('This content is not available to you.');
      box.remove();
    });
  }

  it('<consent-access-gate state="granted"> shows nothing gated while its check is pending', async () => {
    const t = new MemoryTransport({ catalog, latency: Infinity });
    const el = await fixture<ConsentAccessGate>(html`<consent-access-gate state="granted" consent="c1" .transport=${t}>
      <p class="secret">Only for those who agreed</p>
      <template><p class="stamped">Stamped</p></template>
    </consent-access-gate>`);
    await elementUpdated(el);
    expect(el.state).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(el.matches(':state(granted)')).to.equal(false);
    const secret = el.querySelector<HTMLElement>('p.secret')!;
    expect(secret.assignedSlot).to.equal(null);
    expect(secret.getClientRects().length).to.equal(0);
    expect(el.querySelector('p.stamped')).to.equal(null);
    // The state cannot be set from outside.
    expect(() => ((el as unknown as { state: string }).state = 'granted')).to.throw(TypeError);
    expect(el.state).to.equal('loading');
  });
});
