#!/usr/bin/env bash
# Installs the VS Code server (npm package code-server) into .harness/, using only npm and Debian.
# ../shared/HARNESS.md explains each step. Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
DEST=.harness/code-server
SERVER_MAIN="$DEST/node_modules/code-server/lib/vscode/out/server-main.js"
if [ -f "$SERVER_MAIN" ]; then echo "harness: code-server $VERSION already installed"; exit 0; fi
command -v rg >/dev/null || { echo "harness: Debian's ripgrep is required (apt-get install ripgrep)" >&2; exit 1; }

NODE_PREFIX=$(dirname "$(dirname "$(command -v node)")")
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODE_PREFIX" npm_config_audit=false npm_config_fund=false

# @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds its archive in a cache:
# seed that cache with Debian's rg for every version code-server may resolve (^1.15.11).
TMP=${TMPDIR:-/tmp}
work=$(mktemp -d)
for ver in $(npm view '@vscode/ripgrep@^1.15.11' version --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log((Array.isArray(v)?v:[v]).join(" "))})'); do
  (cd "$work" && npm pack "@vscode/ripgrep@$ver" --silent >/dev/null)
  mkdir -p "$work/$ver" && tar -xzf "$work/vscode-ripgrep-$ver.tgz" -C "$work/$ver"
  tag=$(grep -rhoE "VERSION = '[^']+'" "$work/$ver/package/lib" 2>/dev/null | head -1 | sed -E "s/VERSION = '([^']+)'/\1/" || true)
  [ -n "$tag" ] || continue
  cache="$TMP/vscode-ripgrep-cache-$ver"
  mkdir -p "$cache" "$work/rg-$ver/bin"
  cp "$(command -v rg)" "$work/rg-$ver/bin/rg"
  for arch in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
    tar -czf "$cache/ripgrep-$tag-$arch.tar.gz" -C "$work/rg-$ver/bin" rg
  done
done
rm -rf "$work"

mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"tiflash-ansible-harness","private":true}' > "$DEST/package.json"
(cd "$DEST" && npm install --no-save --no-package-lock "code-server@$VERSION")
test -f "$SERVER_MAIN"
echo "harness: code-server $VERSION installed in $DEST"
