// The command line as one compiled JavaScript file, dist/cli/comment-lens.mjs, built from the same
// sources as the extension (parser, sites, stance, summary): `bin/comment-lens.mjs` runs it with
// plain Node, no TypeScript loader. Everything it imports is bundled (linkedom too), so the
// command needs nothing from node_modules at run time. The HTML reader (linkedom) is a chunk of
// its own, loaded only for a saved page: a dump never pays for it.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/run.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      // TF.js (the refined pass, loaded on demand) finds its .wasm files beside its own package: it
      // stays in node_modules rather than in the bundle
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^@tensorflow(-models)?\//],
      output: { entryFileNames: 'comment-lens.mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' },
    },
  },
  // JSON.parse of the model's text: faster to start than the same data as a JS object literal.
  json: { stringify: true },
  ssr: { noExternal: true, target: 'node' },
});
