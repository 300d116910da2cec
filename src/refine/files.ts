// Where the build puts the refined pass's files inside the extension (vite.config.ts emits them;
// refine/worker.ts reads them). Only extension pages and the worker read them: none is
// web-accessible.
export const ENCODER_DIR = 'models/use-lite/';
export const ENCODER_FILES = ['model.json', 'weights.bin', 'vocab.json'] as const;
/** TF.js's WebAssembly backend: plain and SIMD builds (the threaded one needs cross-origin isolation) */
export const WASM_DIR = 'assets/tfjs/';
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;
