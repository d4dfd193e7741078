#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine (as root):
# ansible-core, chromium, ripgrep, a Chinese font and build headers from Debian; npm packages; the VS Code server harness.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
command -v ansible-playbook >/dev/null || need+=(ansible-core)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
# Chinese text in the zh-cn screenshots (and in a zh-cn demo) needs a CJK font
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
# npm ci only when node_modules does not hold what package-lock.json names (by content, not by file times:
# a fresh clone's lock file is always newer than an existing node_modules)
installed() {
  node -e '
    const lock = require("./package-lock.json").packages;
    const have = require("./node_modules/.package-lock.json").packages;
    const missing = Object.entries(lock).filter(([p, e]) => p && !e.optional && have[p]?.version !== e.version);
    process.exit(missing.length ? 1 : 0);' 2>/dev/null
}
if ! installed; then
  # a linked node_modules (a worktree or a test's clone) is shared: npm ci here would empty it for everyone
  if [ -L node_modules ]; then echo "setup: node_modules links to $(readlink -f node_modules), which does not match package-lock.json: run npm ci there" >&2; exit 1; fi
  npm ci --no-audit --no-fund
fi
bash scripts/harness-install.sh
