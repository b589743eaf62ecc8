import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls and docs come from the same manifest the package ships.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { controls: { expanded: true } },
};
export default preview;
