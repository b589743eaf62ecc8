// custom-elements.json is generated from the elements' JSDoc (`npm run analyze`) and committed;
// CI regenerates it and fails when the committed file is stale.

/** The analyzer also lists `dispatchEvent(new XEvent())` calls without a name; `@fires` already documents them. */
const dropUnnamedEvents = {
  name: 'drop-unnamed-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules)
      for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name);
  },
};

/** Modules in path order: the file system's order differs between clones, the manifest must not. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};

/**
 * Only the public API: private and protected members (`#…`, `loader`, `choices`, …) are not
 * for pages, nor the attributes the analyzer makes of private `static properties` entries (Lit's
 * `state: true`, which has none). The analyzer marks the public entries `public`, the others
 * not at all: both are public. register.ts registers tags in a loop, which the analyzer reads as
 * a tag named `tag`.
 */
const publicOnly = {
  name: 'public-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        const hidden = new Set((d.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name));
        if (d.attributes) d.attributes = d.attributes.filter((a) => !hidden.has(a.fieldName));
        if (d.members) d.members = d.members.filter((m) => !hidden.has(m.name) && !m.name.startsWith('#'));
        for (const m of d.members ?? []) delete m.privacy;
      }
      if (mod.exports) mod.exports = mod.exports.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
    }
  },
};

import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

// Editors' autocomplete data from the same manifest (committed and shipped, checked like it):
// vscode.html-custom-data.json / vscode.css-custom-data.json (VS Code `html.customData`,
// `css.customData`) and web-types.json (JetBrains IDEs, found through package.json `web-types`).
const editors = [
  customElementVsCodePlugin({ outdir: '.', hideLogs: true }),
  customElementJetBrainsPlugin({ outdir: '.', hideLogs: true, packageJson: false }),
];

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/locales/**'],
  outdir: '.',
  litelement: true,
  plugins: [dropUnnamedEvents, publicOnly, sortModules, ...editors],
};
