#!/usr/bin/env bash
# Every test: unit + fuzz + PD (plain Node), the Ansible oracle, then the real VS Code suites.
# Needs: ansible-core and chromium (Debian) and the harness (scripts/harness-install.sh); .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p .
node scripts/build.mjs --minify >/dev/null
[ -d ../shared/fixtures ] || echo "note: ../shared/fixtures is not beside this checkout: the tests that compare against the team's shared fixtures are skipped"
echo "== unit, PD and oracle tests (node --test)"
node --test --test-reporter=spec --test-concurrency=2 out/test/unit/ out/test/pd/ out/test/oracle/
echo "== integration tests in a real VS Code extension host"
node out/test/harness/runIntegration.js
node out/test/harness/runIntegration.js untrusted
echo "== end-to-end screenshots in the real workbench"
node out/test/e2e/run.js
