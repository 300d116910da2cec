// Two unpacked extensions from one manifest: `vite build --mode chromium` -> dist/chromium,
// `vite build --mode firefox` -> dist/firefox. Only the background key and Firefox's
// browser_specific_settings differ between them.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import base from './manifest.json' with { type: 'json' };
import model from './src/stance/data/model.json' with { type: 'json' };
import { packModel, type StanceModel } from './src/stance/model';
import { MODEL_FILE } from './src/shared/own-file';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ENCODER_DIR, ENCODER_FILES, WASM_DIR, WASM_FILES } from './src/refine/files';
import { directLoader, parallelDynamicImports, type ChunkFacts } from './scripts/lib/parallel-imports';

type Target = 'chromium' | 'firefox';

function manifestFor(target: Target): ManifestV3Export {
  const { background: _bg, ...common } = base;
  // Chromium: the service worker cannot start the encoder's Worker; an offscreen document does.
  if (target === 'chromium') return { ...common, permissions: [...common.permissions, 'offscreen'], background: { service_worker: 'src/background/index.ts', type: 'module' } };
  return {
    ...common,
    // Firefox runs MV3 backgrounds as event pages (background.scripts), not service workers.
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'comment-lens@comment-lens.example',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

/** The stance model as the binary file the extension fetches (src/shared/model-file.ts). */
function modelFile(): Plugin {
  return {
    name: 'comment-lens-model-file',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MODEL_FILE, source: packModel(model as unknown as StanceModel) });
    },
  };
}

/**
 * The refined pass's files, as extension assets (not web-accessible: the worker reads them): the
 * sentence encoder (models/use-lite) and TF.js's WebAssembly backend, plain and SIMD.
 */
function refineFiles(): Plugin {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return {
    name: 'comment-lens-refine-files',
    generateBundle() {
      for (const f of ENCODER_FILES) this.emitFile({ type: 'asset', fileName: `${ENCODER_DIR}${f}`, source: readFileSync(join('models/use-lite', f)) });
      for (const f of WASM_FILES) this.emitFile({ type: 'asset', fileName: `${WASM_DIR}${f}`, source: readFileSync(join(wasmDir, f)) });
    },
  };
}

/**
 * Fewer sequential loads before the first panel (scripts/lib/parallel-imports.ts): a dynamic
 * import's dependencies load beside it, and the content script's loader skips the entry facade.
 * Last, after crxjs has written its loaders.
 */
function parallelImports(): Plugin {
  return {
    name: 'comment-lens-parallel-imports',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks: Record<string, ChunkFacts> = {};
        for (const [name, out] of Object.entries(bundle)) if (out.type === 'chunk') chunks[name] = { code: out.code, imports: out.imports };
        for (const [name, code] of Object.entries(parallelDynamicImports(chunks))) {
          const out = bundle[name];
          if (out?.type === 'chunk') out.code = code;
        }
        for (const out of Object.values(bundle)) {
          if (out.type !== 'asset' || !/-loader-[\w-]+\.js$/.test(out.fileName) || typeof out.source !== 'string') continue;
          const direct = directLoader(out.source, chunks);
          if (direct) out.source = direct;
          // crxjs's loader changed shape: the first panel loses the gain, so say so
          else this.warn(`${out.fileName}: not a crxjs loader this build step knows; its imports stay sequential`);
        }
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chromium';
  return {
    plugins: [modelFile(), refineFiles(), parallelImports(), crx({ manifest: manifestFor(target), browser: target === 'firefox' ? 'firefox' : 'chrome' })],
    publicDir: 'public',
    // The encoder's worker (refine/worker.ts) is a module worker: TF.js splits into chunks.
    worker: { format: 'es' },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: ['chrome120', 'firefox142'],
      sourcemap: false,
      // Vite's preload helper would add <link rel="modulepreload"> to the PAGE's <head> for the
      // content script's dynamic import: a DOM change on every comment page. Extension files
      // load from disk; preloading gains nothing.
      modulePreload: false,
      // The stance model is one big JSON module, in a chunk of its own: the background loads it, and
      // a comment page only when the background does not answer (content/label-pass.ts).
      chunkSizeWarningLimit: 2000,
      // Chromium: the offscreen document that starts the encoder's worker (refine/offscreen.ts).
      ...(target === 'chromium' ? { rollupOptions: { input: { offscreen: 'src/refine/offscreen.html' } } } : {}),
    },
  };
});
