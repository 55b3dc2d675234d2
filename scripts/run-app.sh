#!/usr/bin/env bash
# The one command to run the app: installs what is missing (scripts/setup.sh), builds the app
# in release mode and serves it on http://127.0.0.1:8080/, rebuilding when a source changes.
# Environment: PORT (default 8080), ADDRESS (default 127.0.0.1).
# Extra arguments go to `trunk serve` (for example --open). Stop it with Ctrl-C.
#
# `trunk serve` builds into target/serve-dist/, not dist/: it injects a live-reload script
# into the pages it serves, so dist/ (from `trunk build --release`) stays a clean static site.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"
SERVE_DIST="$REPO_ROOT/target/serve-dist"
URL="http://$ADDRESS:$PORT/"

scripts/setup.sh

# One build, by the server itself (its progress is printed as it goes); the URL is printed
# only once the page really answers.
log "building the app in release mode (the first build takes a minute or two)..."
trunk serve --release --dist "$SERVE_DIST" --address "$ADDRESS" --port "$PORT" "$@" &
TRUNK_PID=$!
trap 'kill "$TRUNK_PID" 2>/dev/null || true; wait "$TRUNK_PID" 2>/dev/null || true' EXIT INT TERM

# Up to 30 minutes for a cold build on a slow machine; give up early if trunk has stopped.
for _ in $(seq 1 1800); do
  if bslab_wait_http "$URL" 1; then
    cat <<MSG

  Batch × Stream Lab is served at:   $URL

  (trunk rebuilds and reloads the page when a source file changes; Ctrl-C stops it)

MSG
    wait "$TRUNK_PID"
    exit $?
  fi
  kill -0 "$TRUNK_PID" 2>/dev/null || die "trunk serve stopped before serving $URL (see its output above)"
done
die "$URL did not answer after 30 minutes of building"
