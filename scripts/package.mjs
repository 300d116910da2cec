// Store zips from the two unpacked builds: artifacts/comment-lens-<browser>-<version>.zip.
// Run after `npm run build`. web-ext (a devDependency) writes the zip with the manifest at the
// root, as both stores require. The Firefox build is linted first: an error stops packaging,
// warnings are printed (the goal is none; see the lint output).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const webExt = join('node_modules', '.bin', 'web-ext');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

for (const target of ['chromium', 'firefox']) {
  const dir = join('dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    process.stderr.write(`${dir}/manifest.json is missing: run \`npm run build\` first.\n`);
    process.exit(1);
  }
  if (target === 'firefox') {
    execFileSync(webExt, ['lint', '--source-dir', dir], { stdio: 'inherit' });
  }
  const filename = `comment-lens-${target}-${version}.zip`;
  execFileSync(webExt, ['build', '--source-dir', dir, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest'], {
    stdio: 'inherit',
  });
}
