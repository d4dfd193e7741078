#!/usr/bin/env bash
# The demo: the sample tidb-ansible workspace, the PD simulator and the extension in a real VS Code
# (code-server on 127.0.0.1). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc -p .
npm run --silent package >/dev/null
CS=.harness/code-server/node_modules/code-server
DEMO=.harness/demo
PD_PORT=${PD_PORT:-2379}
VSCODE_PORT=${VSCODE_PORT:-8080}
rm -rf "$DEMO" && mkdir -p "$DEMO/user/User" "$DEMO/extensions"
cp -r demo/tidb-ansible "$DEMO/tidb-ansible"
printf '{\n  "tiflash.pdEndpoints": ["http://127.0.0.1:%s"],\n  "tiflash.pollIntervalActiveMs": 1000\n}\n' "$PD_PORT" > "$DEMO/tidb-ansible/.vscode/settings.json"
printf '{"workbench.startupEditor":"none","telemetry.telemetryLevel":"off","update.mode":"none","extensions.autoUpdate":false,"security.workspace.trust.enabled":false,"git.openRepositoryInParentFolders":"never"}\n' > "$DEMO/user/User/settings.json"
node "$CS/out/node/entry.js" --extensions-dir "$DEMO/extensions" --install-extension out/tiflash-ansible.vsix >/dev/null
node out/tools/pd-sim/main.js --port "$PD_PORT" --tick-ms 1000 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
echo "Demo workspace: $DEMO/tidb-ansible"
echo "Open http://127.0.0.1:$VSCODE_PORT in a browser (TiFlash icon in the activity bar; open inventory.ini)."
EXTENSIONS_GALLERY='{}' node "$CS/out/node/entry.js" --bind-addr "127.0.0.1:$VSCODE_PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --user-data-dir "$DEMO/user" --extensions-dir "$DEMO/extensions" "$DEMO/tidb-ansible"
