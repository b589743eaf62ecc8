import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The React demo app, built into dist/demo-react/ and served by `npm start` at /dist/demo-react/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dist/demo-react/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/demo-react', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
