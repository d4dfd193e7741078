#!/usr/bin/env bash
# npm run mutate: mutation testing of src/core with Stryker (stryker.config.json), then the score per folder.
# Not part of npm test or CI. Incremental: only mutants whose code or covering test files changed run again;
# `npm run mutate -- --force` runs them all. Extra arguments go to `stryker run` (e.g. `--mutate src/core/plan/**/*.ts`).
set -euo pipefail
cd "$(dirname "$0")/.."
# The compiled tests first: Stryker reads their text (out/test is the one part of out/ it does not ignore) to see which
# test files changed since the last run; a test file it cannot read counts as new, and every mutant runs again.
npx tsc -p tsconfig.mutate.json
# Each mutant runs every test file that reaches it, so the long generated runs are shortened (a mutant such a
# check catches fails within the first inputs) and timing ratios, which would measure the instrumentation, are skipped.
export FUZZ_ITERATIONS="${FUZZ_ITERATIONS:-100}" PROPERTY_RUNS="${PROPERTY_RUNS:-10}" SKIP_TIMING=1
# Tests find the shared fixtures beside the repository (../shared); Stryker runs them from .stryker-tmp/sandbox-*/.
if [ -d ../shared ]; then mkdir -p .stryker-tmp && ln -sfn "$(cd ../shared && pwd)" .stryker-tmp/shared; fi
npx stryker run "$@"
node scripts/mutation-score.mjs
