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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/locales/**'],
  outdir: '.',
  litelement: true,
  plugins: [dropUnnamedEvents, sortModules],
};
