#!/usr/bin/env bash
# Every test (npm test): lint and format, unit + fuzz + PD (plain Node), the Ansible oracle, the README's scripts on a fresh
# clone, then the real VS Code suites. Every stage runs even after one fails; the summary names each
# stage with its time and result, and the exit code is non-zero if any failed.
# Needs: ansible-core, chromium and a CJK font (Debian) and the harness (scripts/harness-install.sh); .ci/run installs them.
set -uo pipefail
cd "$(dirname "$0")/.."
summary=()
failed=0
stage() {
  local name=$1
  shift
  echo
  echo "== $name"
  local start=$SECONDS
  if "$@"; then summary+=("  ok    $((SECONDS - start))s  $name"); else summary+=("  FAIL  $((SECONDS - start))s  $name"); failed=1; fi
}
build() { npx tsc -p . && node scripts/build.mjs --minify >/dev/null; }
shared() {
  [ -d ../shared/fixtures ] && return 0
  if [ "${CI:-}" = true ]; then echo "CI=true: ../shared/fixtures is not beside this checkout; the tests that compare against it cannot run" >&2; return 1; fi
  echo "note: ../shared/fixtures is not beside this checkout: the tests that compare against the team's shared fixtures are skipped (each prints why)"
}

started=$SECONDS
stage "compile and bundle" build
if [ $failed = 0 ]; then
  stage "lint (eslint, type-aware)" npx eslint .
  stage "format (prettier --check)" npx prettier --check "**/*.{ts,mjs}"
  stage "shared fixtures" shared
  stage "unit, PD, oracle and fuzz tests (node --test)" node --test --test-reporter=spec --test-concurrency=2 out/test/unit/ out/test/pd/ out/test/oracle/ out/test/fuzz/
  stage "the README's scripts on a fresh clone" node --test --test-reporter=spec out/test/scripts/
  stage "integration tests in a real VS Code extension host" node out/test/harness/runIntegration.js
  stage "integration tests in an untrusted workspace" node out/test/harness/runIntegration.js untrusted
  stage "end-to-end in the real workbench, English and zh-cn" node out/test/e2e/run.js
  stage "end-to-end: the SSH password typed at the keyboard reaches the terminal, not an editor" node out/test/e2e/password.js
fi
echo
echo "== summary ($((SECONDS - started))s)"
printf '%s\n' "${summary[@]}"
exit $failed
