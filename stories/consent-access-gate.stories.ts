import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/define.js';
import { ConsentError } from '../src/model/errors.js';
import type { AccessQuery, AccessResult } from '../src/model/types.js';
import { MemoryTransport } from '../src/transports/memory/memory.js';
import { applyControls, catalogOf } from './fixtures.js';

interface Args {
  answer?: AccessResult;
  fail?: ConsentError;
  latency: number;
  product?: string;
  consent?: string;
}

/** Answers every access question the same way, after a delay. */
class FixedAnswer extends MemoryTransport {
  constructor(private answer: AccessResult | ConsentError, latency: number) {
    super({ catalog: catalogOf(), latency });
  }
  override async checkAccess(q: AccessQuery, signal?: AbortSignal): Promise<AccessResult> {
    await super.checkAccess(q, signal);
    if (this.answer instanceof ConsentError) throw this.answer;
    return this.answer;
  }
}

const meta: Meta<Args> = {
  title: 'Elements/consent-access-gate',
  component: 'consent-access-gate',
  args: { latency: 300, product: 'CO27409' },
  render: (a) => {
    const transport = new FixedAnswer(a.fail ?? a.answer ?? { granted: true, reason: 'entitled' }, a.latency);
    return html`<div style="max-width: 40rem">
      <p>The county has signed contracts for six new ferries.</p>
      <consent-access-gate .transport=${transport} product=${a.product ?? ''} consent=${a.consent ?? ''} ${ref((el) => applyControls(el, a as unknown as Record<string, unknown>))}>
        <template><p style="border-inline-start: 3px solid #0b57d0; padding-inline-start: .75rem">Subscribers read on: the first two ferries go into service next spring.</p></template>
        <div slot="denied" style="padding: 1rem; border: 1px solid GrayText; border-radius: .5rem"><strong>This part is for subscribers.</strong> Subscribe to read on.</div>
      </consent-access-gate>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Granted: Story = { args: { answer: { granted: true, reason: 'entitled', accesses: [{ access: true, level: 'A', type: 'A' }] } } };
export const Denied: Story = { args: { answer: { granted: false, reason: 'not-entitled' } } };
export const Pending: Story = { args: { product: undefined, consent: 'csp-consent', answer: { granted: false, pending: true, reason: 'consent-requested' } } };
export const Loading: Story = { args: { latency: Infinity } };
export const Error: Story = { args: { fail: new ConsentError('network', 'offline') } };
export const DefaultDeniedMessage: Story = {
  args: { answer: { granted: false, reason: 'consent-missing' }, product: undefined, consent: 'media' },
  render: (a) => {
    const transport = new FixedAnswer(a.answer!, a.latency);
    return html`<consent-access-gate .transport=${transport} consent="media" ${ref((el) => applyControls(el, a as unknown as Record<string, unknown>))}><template><p>Video</p></template></consent-access-gate>`;
  },
};
