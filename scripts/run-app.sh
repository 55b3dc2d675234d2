#!/usr/bin/env bash
# The one command to run the app: installs what is missing (scripts/setup.sh), builds the app
# in release mode and serves it on http://127.0.0.1:8080/, rebuilding when a source changes.
# Environment: PORT (default 8080), ADDRESS (default 127.0.0.1).
# Extra arguments go to `trunk serve` (for example --open). Stop it with Ctrl-C.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"

scripts/setup.sh

# Build first, so that build errors come before the URL and the URL means "ready".
log "building the app (the first release build takes a minute or two)..."
trunk build --release

cat <<EOF

  Batch × Stream Lab is served at:   http://$ADDRESS:$PORT/

  (trunk rebuilds and reloads the page when a source file changes; Ctrl-C stops it)

EOF
exec trunk serve --release --address "$ADDRESS" --port "$PORT" "$@"
