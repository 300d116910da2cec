// The FLOOR: a minimal MV3 extension whose content script only tags each comment, at the same
// run_at as ours (read from manifest.json). Whatever ours costs above it is parse, stance,
// summary and UI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONTENT = `document.querySelectorAll('li.comment').forEach(e => e.setAttribute('data-floor', '1'));
performance.mark('floor:done');
document.documentElement.setAttribute('data-floor-done', '1');
`;

/** Our main content script's run_at, so the floor starts when ours does. */
export function ourRunAt(root: string): string {
  const m = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ run_at?: string }> };
  return m.content_scripts[0]?.run_at ?? 'document_idle';
}

/** Writes the extension into a new temp dir and returns it (the caller removes it). */
export function writeFloorExtension(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'comment-lens-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Comment Lens bench floor', version: '1.0',
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: ourRunAt(root) }],
  }, null, 2));
  writeFileSync(join(dir, 'content.js'), CONTENT);
  return dir;
}
