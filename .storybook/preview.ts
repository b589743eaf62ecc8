import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Controls and docs come from the same manifest the package ships.
setCustomElementsManifest(manifest);

const preview: Preview = {
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
