import { defineConfig } from 'vite';

// `vite build`             → dist/esm/{index,define}.js: ESM for bundlers, dependencies external.
// `vite build --mode iife` → dist/consent-elements.iife.js: one self-registering script tag,
//                            everything bundled, global `ConsentElements`.
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    build: {
      target: 'es2022',
      outDir: iife ? 'dist' : 'dist/esm',
      emptyOutDir: !iife,
      sourcemap: true,
      minify: iife,
      reportCompressedSize: true,
      lib: iife
        ? { entry: 'src/define.ts', formats: ['iife'], name: 'ConsentElements', fileName: () => 'consent-elements.iife.js' }
        : { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
      rollupOptions: iife ? {} : { external: [/^lit($|\/)/, /^@lit\//, 'zod', /^zod\//, 'ky'] },
    },
  };
});
