import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyLiteralsPlugin } from './scripts/minify-literals.js';

// `vite build`                → dist/esm/{index,define,server,cli,react}.js: ESM for bundlers, dependencies external.
// `vite build --mode iife`    → dist/consent-elements.iife.js: one self-registering script tag,
//                               everything bundled but the translations and
//                               provider transports, global `ConsentElements`.
// `vite build --mode iife-languages` → dist/consent-elements.all-languages.iife.js: the same with
//                               every translation inside (one file; providers still on demand).
// `vite build --mode locales` → dist/locales/<code>.js: the translations the script tag loads on demand.
// `vite build --mode providers` → dist/providers/<name>.js: the provider transports the script tag
//                               loads on demand, each with its wire schemas and zod, and its
//                               receipt store; `--mode memory` adds the memory transport there,
//                               `--mode outbox` the outbox (the script tag loads it when idle).
const locales = Object.fromEntries(
  readdirSync('src/i18n/locales').map((f) => [f.replace(/\.ts$/, ''), `src/i18n/locales/${f}`]),
);

// The device's receipt store goes with them: a page serving the provider transports serves it too.
const providers = { connect: 'src/transports/connect/connect.ts', consentua: 'src/transports/consentua/consentua.ts', receipts: 'src/internal/receipt-store.ts' };
// And the memory transport (tests and offline demos: no visitor of a live page pays for it), built
// on its own: in the same build, the model code it shares with Connect became a third file for
// every Connect page to fetch.
const memory = { memory: 'src/transports/memory/memory.ts' };
// And the outbox (loaded when the page is idle, or at a save), on its own for the same reason.
const outbox = { outbox: 'src/transports/core/outbox.ts' };

// What the script tag and its provider files hold is what a page runs at once: V8 (Chromium 136+)
// then compiles every function off the main thread while the file downloads, instead of on first
// call in the page's first tasks (an element's start went from about 32 to 20 ms; see
// v8.dev/blog/explicit-compile-hints). Other engines read a comment. Added after minification,
// which would drop it. Not for the ESM build: a publisher's bundler decides for their bundle.
const eagerCompile = { postBanner: '//# allFunctionsCalledOnLoad' };

export default defineConfig(({ mode }) => {
  const common = { target: 'es2022', sourcemap: true, reportCompressedSize: true } as const;
  const plugins = [minifyLiteralsPlugin()];
  if (mode === 'iife' || mode === 'iife-languages')
    return {
      plugins,
      // The receipt store comes from beside the bundle (providers/receipts.js), not inlined; the
      // privacy-rights part is inside it.
      resolve: {
        alias: [
          { find: /^.*\/(receipts|receipt-store)\.js$/, replacement: resolve('src/internal/receipt-store.script-tag.ts') },
          { find: /^.*\/privacy-rights\.load\.js$/, replacement: resolve('src/internal/privacy-rights.load.script-tag.ts') },
          // The one-file variant keeps the outbox inside; the script tag loads it from providers/.
          ...(mode === 'iife-languages' ? [{ find: /^.*\/outbox\.lazy\.js$/, replacement: resolve('src/transports/core/outbox.lazy.one-file.ts') }] : []),
        ],
      },
      build: {
        ...common,
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        // Kept for debugging here, not published (package.json `files`): no URL comment to a missing file.
        sourcemap: 'hidden',
        rolldownOptions: { output: eagerCompile },
        lib: {
          entry: 'src/script-tag.ts',
          formats: ['iife'],
          name: 'ConsentElements',
          fileName: () => (mode === 'iife' ? 'consent-elements.iife.js' : 'consent-elements.all-languages.iife.js'),
        },
      },
    };
  // What the script tag loads on demand from beside itself: one ES module per entry.
  const onDemand = (folder: string, entry: Record<string, string>, sourcemap: 'hidden' | false, output = {}, emptyOutDir = true) => ({
    plugins,
    build: {
      ...common,
      outDir: `dist/${folder}`,
      emptyOutDir,
      minify: true,
      sourcemap,
      // Whitespace too: library mode keeps it in ES output for bundlers' tree-shaking, but these
      // files go to browsers as they are (10 % of a provider's brotli bytes, 11 % of the receipt store's).
      rolldownOptions: { output: { ...output, minify: true } },
      lib: { entry, formats: ['es' as const], fileName: (_f: string, name: string) => `${name}.js` },
    },
  });
  if (mode === 'providers') return onDemand('providers', providers, 'hidden', eagerCompile);
  if (mode === 'memory') return onDemand('providers', memory, 'hidden', eagerCompile, false);
  if (mode === 'outbox') return onDemand('providers', outbox, 'hidden', eagerCompile, false);
  if (mode === 'locales') return onDemand('locales', locales, false);
  return {
    plugins,
    build: {
      ...common,
      outDir: 'dist/esm',
      emptyOutDir: true,
      minify: false,
      lib: { entry: { index: 'src/index.ts', define: 'src/define.ts', server: 'src/server.ts', cli: 'src/cli.ts', react: 'src/react.ts' }, formats: ['es'] },
      rollupOptions: {
        // The React entry's `'use client'` stays at the top of dist/esm/react.js (one file per module).
        onLog: (level, log, handler) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : handler(level, log)),
        external: [/^lit($|\/)/, /^@lit\//, 'zod', /^zod\//, 'idb-keyval', /^react($|\/)/, /^node:/],
        // One file per source module, so a bundler drops what a page does not import (package.json
        // `sideEffects`): a picker on the host transport ships no provider, no zod.
        output: { preserveModules: true, preserveModulesRoot: 'src' },
      },
    },
  };
});
