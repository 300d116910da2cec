#!/usr/bin/env bash
# `npm test`: install what a fresh machine lacks, then unit tests, build, end-to-end tests in
# Chromium and Firefox. Exits non-zero if any step failed; the last line sums both JSON reports
# ("N passed, N failed"), so a run that executed no test at all is visible.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh

mkdir -p artifacts
rm -f artifacts/vitest-unit.json artifacts/vitest-e2e.json
status=0

ensure_node_modules || { echo "npm ci failed" >&2; exit 1; }
ensure_browsers chromium firefox-esr || exit 1

echo "==> unit tests"
npx vitest run --reporter=default --reporter=json --outputFile=artifacts/vitest-unit.json || status=1

echo "==> npm run build"
if npm run build; then
  echo "==> e2e tests"
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json \
    --outputFile=artifacts/vitest-e2e.json || status=1
else
  echo "build failed: e2e tests not run" >&2
  status=1
fi

# A missing report (the run crashed before writing it) counts as one failure.
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of ["artifacts/vitest-unit.json", "artifacts/vitest-e2e.json"]) {
    try {
      const r = JSON.parse(fs.readFileSync(f, "utf8"));
      passed += r.numPassedTests ?? 0;
      failed += (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0);
    } catch { console.error(`${f}: no report`); failed += 1; }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
' || status=1
exit $status
