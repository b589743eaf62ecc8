// The Vue demo app, built into dist/demo-vue/ and served by `npm start` at /dist/demo-vue/.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/dist/demo-vue/',
  logLevel: 'warn',
  // Vue renders the consent-* tags as custom elements instead of looking for Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('consent-') } } })],
  // Here the package is its own source; a publisher's app imports the installed package
  // (test/e2e/vue.test.ts type-checks this app that way).
  resolve: {
    alias: [
      { find: /^consent-elements\/define$/, replacement: here('../../src/define.ts') },
      { find: /^consent-elements$/, replacement: here('../../src/index.ts') },
    ],
  },
  build: { outDir: here('../../dist/demo-vue'), emptyOutDir: true, target: 'es2022' },
});
