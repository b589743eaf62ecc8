import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/define.js';
import { ConsentError } from '../src/model/errors.js';
import type { CatalogQuery, ConsentCatalog, Decision } from '../src/model/types.js';
import { MemoryTransport } from '../src/transports/memory/memory.js';
import { applyControls, templateOf } from './fixtures.js';

interface Args {
  lang: string;
  catalog?: ConsentCatalog;
  state: Decision[];
  latency: number;
  fail?: ConsentError;
  saveFail?: ConsentError;
}

/** Like Consentua: the template comes in the language asked for (en, nb or sv here). */
class TemplateTransport extends MemoryTransport {
  override async loadCatalog(q: CatalogQuery, signal?: AbortSignal) {
    const lang = (q.lang ?? 'en').slice(0, 2);
    this.catalog = templateOf(lang === 'nb' || lang === 'sv' ? lang : 'en');
    return super.loadCatalog(q, signal);
  }
}

const meta: Meta<Args> = {
  title: 'Elements/consent-purpose-template',
  component: 'consent-purpose-template',
  args: { lang: 'en', state: [], latency: 300 },
  argTypes: {
    lang: { control: 'select', options: ['en', 'nb', 'nn', 'sv', 'da', 'fi', 'de', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'zh', 'ar', 'he'] },
    catalog: { control: false },
    state: { control: 'object' },
  },
  render: (a) => {
    const failures = a.fail ? [a.fail] : [];
    const saveFailures = a.saveFail ? [a.saveFail] : [];
    const options = { catalog: a.catalog ?? templateOf(), state: a.state, latency: a.latency, failures, saveFailures };
    const transport = a.catalog ? new MemoryTransport(options) : new TemplateTransport(options);
    return html`<div style="max-width: 44rem">
      <consent-purpose-template lang=${a.lang} .transport=${transport} ${ref((el) => applyControls(el, a as unknown as Record<string, unknown>))}>
        <h2 slot="heading" style="margin:0">Reader services</h2>
      </consent-purpose-template>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = {};
export const WithStoredAnswers: Story = {
  args: { state: [{ itemId: '312', granted: true }, { itemId: '320', granted: true }, { itemId: '330', granted: true }, { itemId: '331', granted: true }] },
};
export const Loading: Story = { args: { latency: Infinity } };
export const LoadError: Story = { args: { fail: new ConsentError('unauthorized', 'Consentua refused the token', { status: 401 }) } };
/** Change something and save: the first save fails (rate limited); Retry sends it. */
export const SaveFails: Story = { args: { saveFail: new ConsentError('rate-limited', 'Too many requests', { status: 429 }) } };
export const Empty: Story = { args: { catalog: { source: 'stories:empty', groups: [] } } };
export const Norwegian: Story = { args: { lang: 'nb' } };
export const Swedish: Story = { args: { lang: 'sv' } };
export const GermanUiEnglishTemplate: Story = { args: { lang: 'de' } };
export const Hebrew: Story = { args: { lang: 'he' }, globals: { dir: 'rtl' } };
