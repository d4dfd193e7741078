#!/usr/bin/env bash
# The demo: the sample tidb-ansible workspace, the PD simulator and the extension in a real VS Code
# (code-server on 127.0.0.1). Ctrl+C or SIGTERM stops everything it started.
# PD_PORT and VSCODE_PORT choose the ports (default 2379 and 8080; 0 takes a free port and prints it).
set -euo pipefail
cd "$(dirname "$0")/.."
PD_PORT=${PD_PORT:-2379}
VSCODE_PORT=${VSCODE_PORT:-8080}
CS=.harness/code-server/node_modules/code-server
DEMO=out/demo

SIM=
CODE=
stop() {
  trap - EXIT INT TERM
  # code-server runs in a process group of its own (setsid below): the extension host it starts for a browser is
  # its child and would outlive it
  if [ -n "$CODE" ]; then kill -- "-$CODE" 2>/dev/null || true; fi
  if [ -n "$SIM" ]; then kill "$SIM" 2>/dev/null || true; fi
  for pid in $CODE $SIM; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

bash scripts/setup.sh
npx tsc -p .
npm run --silent package >/dev/null
rm -rf "$DEMO" && mkdir -p "$DEMO/user/User" "$DEMO/extensions"
cp -r demo/tidb-ansible "$DEMO/tidb-ansible"
rm -f "$DEMO/tidb-ansible/playbook-calls.log"
printf '{"workbench.startupEditor":"none","telemetry.telemetryLevel":"off","update.mode":"none","extensions.autoUpdate":false,"security.workspace.trust.enabled":false,"git.openRepositoryInParentFolders":"never"}\n' > "$DEMO/user/User/settings.json"
node "$CS/out/node/entry.js" --extensions-dir "$DEMO/extensions" --install-extension out/tiflash-ansible.vsix >/dev/null

# the simulator prints its URL once it listens: the workspace settings name that URL
# with a TiDB status-port stand-in (table names for placement rules: the demo's tidb_servers are not real hosts)
exec 3< <(exec node out/tools/pd-sim/main.js --port "$PD_PORT" --tick-ms 1000 --tidb-port 0)
SIM=$!
IFS= read -r -t 30 line <&3 || { echo "demo: the PD simulator did not start on port $PD_PORT" >&2; exit 1; }
echo "$line"
PD_URL=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' <<<"$line")
IFS= read -r -t 30 tline <&3 || { echo "demo: the TiDB stand-in did not start" >&2; exit 1; }
echo "$tline"
TIDB_URL=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' <<<"$tline")
printf '{\n  "tiflash.pdEndpoints": ["%s"],\n  "tiflash.tidbStatusEndpoints": ["%s"],\n  "tiflash.pollIntervalActiveMs": 1000\n}\n' "$PD_URL" "$TIDB_URL" > "$DEMO/tidb-ansible/.vscode/settings.json"

echo "Demo workspace: $DEMO/tidb-ansible"
if [ "$VSCODE_PORT" = 0 ]; then
  echo "Open the address of the 'HTTP server listening on' line below in a browser (TiFlash icon in the activity bar; open inventory.ini)."
else
  echo "Open http://127.0.0.1:$VSCODE_PORT in a browser (TiFlash icon in the activity bar; open inventory.ini)."
fi
EXTENSIONS_GALLERY='{}' setsid node "$CS/out/node/entry.js" --bind-addr "127.0.0.1:$VSCODE_PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --config "$DEMO/code-server.yaml" --user-data-dir "$DEMO/user" --extensions-dir "$DEMO/extensions" "$DEMO/tidb-ansible" &
CODE=$!
wait "$CODE"
