import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Controls and docs come from the same manifest the package ships.
setCustomElementsManifest(manifest);

type ArgType = { name?: string; control?: unknown; options?: string[]; table?: { category?: string; type?: { summary?: string }; disable?: boolean } };

/** Read-only members of the elements: shown in the docs, no control. */
const readonly = new Set(
  (manifest as { modules: { declarations?: { members?: { name: string; readonly?: boolean }[] }[] }[] }).modules.flatMap((m) =>
    (m.declarations ?? []).flatMap((d) => (d.members ?? []).filter((x) => x.readonly).map((x) => x.name)),
  ),
);
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Controls that fit each entry of the manifest: text for strings, a select for a set of values,
 * a checkbox for booleans, a colour picker for colour properties; none for parts, slots, events,
 * read-only properties and objects (the stories set those), and a property that is also an
 * attribute is controlled as the attribute.
 */
function controlFor(key: string, a: ArgType, all: Record<string, ArgType>): ArgType {
  const category = a.table?.category;
  const type = String(a.table?.type?.summary ?? '');
  const none = { ...a, control: false as const };
  if (!category) return a; // the story's own args
  if (category === 'css custom properties') return { ...a, control: /color|background/.test(key) ? 'color' : 'text' };
  if (category !== 'attributes' && category !== 'properties') return none;
  if (readonly.has(key)) return none;
  if (category === 'properties' && all[kebab(key)]?.table?.category === 'attributes') return { ...a, table: { ...a.table, disable: true } };
  if (/\bTheme\b/.test(type)) return { ...a, control: 'select', options: ['light', 'dark', 'auto'] };
  const literals = [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  if (literals.length) return { ...a, control: 'select', options: literals };
  if (/^boolean$/.test(type)) return { ...a, control: 'boolean' };
  if (/^(string|number)( \| undefined)?$/.test(type)) return { ...a, control: 'text' };
  return none;
}

const preview: Preview = {
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(Object.entries(argTypes as Record<string, ArgType>).map(([k, a]) => [k, controlFor(k, a, argTypes as Record<string, ArgType>)])),
  ],
  // A docs page for every element, from its JSDoc in the manifest.
  tags: ['autodocs'],
  parameters: { controls: { expanded: true } },
  globalTypes: {
    theme: {
      description: 'The page colour scheme the elements follow',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction of the page',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  // Each story sits on a page of that colour scheme and direction, as on a publisher's site: the
  // elements inherit both (a `theme` attribute would override the scheme).
  decorators: [
    (story, { globals }) => {
      const theme = globals.theme === 'dark' ? 'dark' : 'light';
      document.documentElement.style.colorScheme = theme;
      return html`<div dir=${globals.dir === 'rtl' ? 'rtl' : 'ltr'} style="color-scheme: ${theme}; background: Canvas; color: CanvasText; padding: 1rem">${story()}</div>`;
    },
  ],
};
export default preview;
