// The command line as one compiled JavaScript file, dist/cli/comment-lens.mjs, built from the same
// sources as the extension (parser, sites, stance, summary): `bin/comment-lens.mjs` runs it with
// plain Node, no TypeScript loader. Everything it imports is bundled (linkedom too), so the
// command needs nothing from node_modules at run time. The HTML reader (linkedom) is a chunk of
// its own, loaded only for a saved page: a dump never pays for it.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The stance data files (the model, the VADER lexicon; ~1.4 MB of JSON) go beside the bundle as
 * files and are read at start with readFileSync + JSON.parse, rather than compiled in as a module:
 * Node decodes and compiles a module's text in JavaScript, ~30 ms of every start for this data.
 */
function dataBesideBundle(): Plugin {
  const DATA = /\/src\/stance\/data\/(model|vader-lexicon)\.json$/;
  const PREFIX = '\0comment-lens-data:'; // a virtual module, so the JSON plugin leaves it alone
  return {
    name: 'comment-lens-data-beside-bundle',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.json')) return null;
      const r = await this.resolve(source, importer, { skipSelf: true });
      // no '.json' at the end of the id, or the JSON plugin would take it
      return r && DATA.test(r.id) ? `${PREFIX}${r.id}?beside` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'?beside'.length);
      const name = basename(file);
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
      return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(new URL('./${name}', import.meta.url), 'utf8'));\n`;
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [dataBesideBundle()],
  build: {
    ssr: 'src/cli/run.ts',
    // the data files beside the bundle (dataBesideBundle) are assets: SSR builds drop assets unless asked
    ssrEmitAssets: true,
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
  // the other JSON (the refined head): JSON.parse of its text starts faster than an object literal
  json: { stringify: true },
  ssr: { noExternal: true, target: 'node' },
});
