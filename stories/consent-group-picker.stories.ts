import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/define.js';
import { ConsentError } from '../src/model/errors.js';
import type { ConsentCatalog, Decision } from '../src/model/types.js';
import { MemoryTransport } from '../src/transports/memory/memory.js';
import { applyControls, catalogOf, HOSTILE, manyGroups } from './fixtures.js';

interface Args {
  lang: string;
  'fallback-lang': string;
  catalog: ConsentCatalog;
  state: Decision[];
  latency: number;
  fail?: ConsentError;
  saveFail?: ConsentError;
  privacyRights?: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/consent-group-picker',
  component: 'consent-group-picker',
  args: { lang: 'en-GB', 'fallback-lang': 'en-GB', catalog: catalogOf(), state: [], latency: 300 },
  argTypes: {
    lang: { control: 'select', options: ['en-GB', 'nb-NO', 'nn-NO', 'sv-SE', 'da-DK', 'fi-FI', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'it', 'pt', 'pl', 'ja', 'zh', 'ar', 'he'] },
    catalog: { control: false },
    state: { control: 'object' },
  },
  // Each story gets its own in-memory provider; saving works and survives re-renders of the story.
  render: (a) => {
    const transport = new MemoryTransport({
      catalog: a.catalog,
      state: a.state,
      latency: a.latency,
      failures: a.fail ? [a.fail] : [],
      saveFailures: a.saveFail ? [a.saveFail] : [],
    });
    return html`<div style="max-width: 44rem">
      <consent-group-picker lang=${a.lang} fallback-lang=${a['fallback-lang']} ?privacy-rights=${!!a.privacyRights} .transport=${transport} ${ref((el) => applyControls(el, a as unknown as Record<string, unknown>))}>
        <h2 slot="heading" style="margin:0">Your privacy choices</h2>
      </consent-group-picker>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = {};

export const WithStoredChoices: Story = {
  args: {
    state: [
      { itemId: '10', granted: true },
      { itemId: '1', granted: true },
      { itemId: '2', granted: true },
      { itemId: '3', granted: false },
      { itemId: '4', granted: true },
    ],
  },
};

export const Loading: Story = { args: { latency: Infinity } };

/** The visitor's privacy rights below the buttons: each asks first, in a dialog, then sends. */
export const PrivacyRights: Story = { args: { privacyRights: true } };

export const LoadError: Story = { args: { fail: new ConsentError('network', 'The provider could not be reached') } };

/** Change something and save: the first save fails (offline); Retry sends it. */
export const SaveFails: Story = { args: { saveFail: new ConsentError('network', 'offline') } };

export const Empty: Story = { args: { catalog: { source: 'stories:empty', groups: [] } } };

export const LongTexts: Story = {
  args: {
    catalog: {
      source: 'stories:long',
      groups: [
        {
          ...catalogOf().groups.find((g) => g.id === '4')!,
          items: catalogOf().groups.find((g) => g.id === '4')!.items.map((i) => ({
            ...i,
            texts: i.texts.map((t) => ({ ...t, title: `${t.title} — ${'with a very long name that has to wrap '.repeat(3)}`, description: `${t.description} `.repeat(6) })),
          })),
        },
      ],
    },
  },
};

export const ManyGroups: Story = { args: { catalog: manyGroups() } };

export const HostileTexts: Story = { args: { catalog: catalogOf(HOSTILE) } };

export const NorwegianBokmal: Story = { args: { lang: 'nb-NO' } };
export const NorwegianNynorsk: Story = { args: { lang: 'nn-NO' } };
export const Swedish: Story = { args: { lang: 'sv-SE' } };
export const Danish: Story = { args: { lang: 'da-DK' } };
export const Finnish: Story = { args: { lang: 'fi-FI' } };
export const German: Story = { args: { lang: 'de-DE' } };
export const French: Story = { args: { lang: 'fr-FR' } };
export const Spanish: Story = { args: { lang: 'es-ES' } };
export const Dutch: Story = { args: { lang: 'nl-NL' } };
export const Japanese: Story = { args: { lang: 'ja' } };
/** Right to left: the page's `dir` (the Direction toolbar) lays the form out from the right; the provider's English texts keep their own direction. */
export const Arabic: Story = { args: { lang: 'ar' }, globals: { dir: 'rtl' } };
export const Hebrew: Story = { args: { lang: 'he' }, globals: { dir: 'rtl' } };
