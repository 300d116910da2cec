// Build step (vite.config.ts): fewer sequential file loads before the first panel. Measured in
// Firefox ESR (scripts/bench/first-panel.ts): each level of a content script's module graph is a
// sequential load of ~10-15 ms (a dynamic import's chunk, then that chunk's own imports), and the
// first panel waits for two such graphs. Vite's answer, <link rel="modulepreload">, would write to
// the page's <head> (modulePreload is off); these rewrites start the same loads with import().

import { posix } from 'node:path';

export interface ChunkFacts {
  code: string;
  /** the chunk's static imports, as bundle file names */
  imports: readonly string[];
}

const DYNAMIC_IMPORT = /import\((["'`])(\.{1,2}\/[^"'`$]+?\.js)\1\)/g;

function closure(start: readonly string[], chunks: Readonly<Record<string, ChunkFacts>>, into = new Set<string>()): Set<string> {
  const todo = [...start];
  while (todo.length) {
    const f = todo.pop()!;
    if (into.has(f)) continue;
    into.add(f);
    todo.push(...(chunks[f]?.imports ?? []));
  }
  return into;
}

function relative(from: string, to: string): string {
  const r = posix.relative(posix.dirname(from), to);
  return r.startsWith('.') ? r : `./${r}`;
}

/**
 * Each `import("./x.js")` of a chunk becomes `(import(dep).catch(noop), ..., import("./x.js"))`:
 * the chunks x imports statically, and that the importer has not loaded already, start loading
 * with x instead of after it. Module instances are shared, so nothing runs twice; a dependency's
 * failure still fails x's import. Returns the changed chunks' code only.
 */
export function parallelDynamicImports(chunks: Readonly<Record<string, ChunkFacts>>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [file, chunk] of Object.entries(chunks)) {
    // what is in memory whenever this chunk runs: itself and its static imports
    const loaded = closure([file], chunks);
    const code = chunk.code.replace(DYNAMIC_IMPORT, (whole, q: string, spec: string) => {
      const target = posix.join(posix.dirname(file), spec);
      if (!chunks[target]) return whole;
      const deps = [...closure(chunks[target].imports, chunks)].filter((d) => !loaded.has(d) && d !== target && chunks[d]).sort();
      if (deps.length === 0) return whole;
      return `(${deps.map((d) => `import(${q}${relative(file, d)}${q}).catch(()=>{})`).join(',')},${whole})`;
    });
    if (code !== chunk.code) changed[file] = code;
  }
  return changed;
}

/** crxjs's production loader imports `chrome.runtime.getURL("<file>")` and calls its onExecute. */
const LOADER_IMPORT = /(const \{ onExecute \} = await import\(\s*(?:\/\*[^*]*\*\/\s*)?chrome\.runtime\.getURL\(")([^"]+)("\)\s*\);)/;
/** a facade chunk: nothing but `export{x as onExecute}from"./chunk.js";` */
const FACADE = /^export\s*\{\s*([\w$]+)\s+as\s+onExecute\s*\}\s*from\s*(["'`])(\.{1,2}\/[^"'`]+\.js)\2;?\s*$/;

/**
 * crxjs's loader, made to load the content script's whole graph at once: it imports the chunk
 * behind a facade entry (the entry's code lives in a chunk shared with another entry) itself, and
 * starts that chunk's static imports beside it. Returns the new loader code, or null when the
 * loader is not of crxjs's shape or there is nothing to gain (then nothing changes).
 */
export function directLoader(loaderCode: string, chunks: Readonly<Record<string, ChunkFacts>>): string | null {
  const m = LOADER_IMPORT.exec(loaderCode);
  if (!m) return null;
  const entry = m[2]!;
  if (!chunks[entry]) return null;
  const f = FACADE.exec(chunks[entry].code);
  const target = f ? posix.join(posix.dirname(entry), f[3]!) : entry;
  if (!chunks[target]) return null;
  const deps = [...closure(chunks[target].imports, chunks)].filter((d) => d !== target && chunks[d]).sort();
  if (!f && deps.length === 0) return null;
  const early = deps.map((d) => `import(chrome.runtime.getURL(${JSON.stringify(d)})).catch(() => {});`).join(' ');
  const load = `const { ${f ? f[1] : 'onExecute'}: onExecute } = await import(chrome.runtime.getURL(${JSON.stringify(target)}));`;
  return loaderCode.slice(0, m.index) + (early ? `${early}\n    ` : '') + load + loaderCode.slice(m.index + m[0].length);
}
