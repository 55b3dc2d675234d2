#!/usr/bin/env bash
# Runs every test of the project, in stages, stopping at the first one that fails:
#   setup         scripts/setup.sh (installs what is missing)
#   fmt           cargo fmt --all --check
#   clippy        cargo clippy --workspace --all-targets -- -D warnings (native)
#   clippy-wasm   the same for the app package on wasm32 (code behind cfg(target_arch = "wasm32"))
#   test-native   cargo test --workspace
#   spark-parity  scripts/test-spark.sh: exported jobs on real Apache Spark vs the simulator (pyspark in .venv)
#   test-wasm-engine  engine tests built for wasm32, run in headless Chromium
#   test-wasm-app     app tests (tests/web.rs) in headless Chromium (wasm-bindgen-test-runner)
#   build-release trunk build --release (into $BSLAB_E2E_DIST), prints the wasm size
#   single-file   scripts/build-single-file.sh on that build: the app as one HTML file, prints its
#                 size; then opens it from file:// in Firefox ESR (node --test tests/firefox/)
#   e2e           Playwright tests (node --test tests/e2e/) against that build, served on 127.0.0.1
# Usage: scripts/test.sh [STAGE...]   (no argument: all stages; setup always runs)
# To add a stage: one `stage NAME COMMAND...` line below (a shell function is fine as COMMAND).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# Where the e2e stage's release build goes: not dist/, so a running scripts/run-app.sh
# (trunk serve, which owns dist/) is left alone.
BSLAB_E2E_DIST="${BSLAB_E2E_DIST:-$REPO_ROOT/target/e2e-dist}"
# The single self-contained HTML file made from that build (opened from file:// by e2e).
export BSLAB_SINGLE_FILE="${BSLAB_SINGLE_FILE:-$REPO_ROOT/target/single-file/batch-stream-lab.html}"

# --- stage machinery ----------------------------------------------------------------------
SELECTED=("$@")
STAGE_NAMES=()
STAGE_TIMES=()
STAGE_RESULTS=()
FAILED_STAGE=""
START_ALL=$SECONDS

selected() {
  [ "$1" = setup ] && return 0
  [ ${#SELECTED[@]} -eq 0 ] && return 0
  local s
  for s in "${SELECTED[@]}"; do
    [ "$s" = "$1" ] && return 0
  done
  return 1
}

summary() {
  local i
  echo
  echo "=== test summary ==="
  for i in "${!STAGE_NAMES[@]}"; do
    printf '  %-16s %-6s %5ss\n' "${STAGE_NAMES[$i]}" "${STAGE_RESULTS[$i]}" "${STAGE_TIMES[$i]}"
  done
  printf '  %-16s %-6s %5ss\n' total "" "$((SECONDS - START_ALL))"
  if [ -n "$FAILED_STAGE" ]; then
    printf '%sFAILED at stage "%s"%s (rerun it alone: scripts/test.sh %s)\n' \
      "$_bslab_red" "$FAILED_STAGE" "$_bslab_off" "$FAILED_STAGE"
  fi
}
trap summary EXIT

# stage NAME COMMAND...: run COMMAND (in a subshell) as stage NAME, timed; stop everything
# with a message naming the stage if it fails.
stage() {
  local name="$1" start status=0
  shift
  selected "$name" || return 0
  log "stage $name: $*"
  start=$SECONDS
  # Not `(...) || status=$?`: bash ignores `set -e` inside a command followed by `||`.
  set +e
  (
    set -e
    "$@"
  )
  status=$?
  set -e
  STAGE_NAMES+=("$name")
  STAGE_TIMES+=("$((SECONDS - start))")
  if [ "$status" -ne 0 ]; then
    STAGE_RESULTS+=("FAILED")
    FAILED_STAGE="$name"
    printf '%serror: stage "%s" failed (exit %s): %s%s\n' \
      "$_bslab_red" "$name" "$status" "$*" "$_bslab_off" >&2
    exit 1
  fi
  STAGE_RESULTS+=("ok")
}

# --- stage commands that are more than one command ----------------------------------------
build_release() {
  rm -rf "$BSLAB_E2E_DIST"
  trunk build --release --dist "$BSLAB_E2E_DIST"
  bslab_wasm_size "$BSLAB_E2E_DIST"
}

# The single HTML file of the release build, then its Firefox test (Chromium's is in e2e).
single_file() {
  scripts/build-single-file.sh "$BSLAB_E2E_DIST"
  node --test tests/firefox/
}

# Serve the release build with a static server on 127.0.0.1 and run the Playwright tests on it.
e2e() {
  [ -f "$BSLAB_E2E_DIST/index.html" ] || die "no build in $BSLAB_E2E_DIST: run the build-release stage first"
  [ -f "$BSLAB_SINGLE_FILE" ] || die "no $BSLAB_SINGLE_FILE: run the single-file stage first"
  local port server_log
  port="$(bslab_free_port)"
  server_log="$REPO_ROOT/target/e2e-server.log"
  python3 -m http.server --bind 127.0.0.1 --directory "$BSLAB_E2E_DIST" "$port" >"$server_log" 2>&1 &
  # Global, not local: the EXIT trap runs after this function has returned. This runs in the
  # stage's subshell, so the trap stops the server however the stage ends.
  E2E_SERVER_PID=$!
  trap 'kill "$E2E_SERVER_PID" 2>/dev/null || true; wait "$E2E_SERVER_PID" 2>/dev/null || true' EXIT
  bslab_wait_http "http://127.0.0.1:$port/" 20 ||
    die "static server did not answer on 127.0.0.1:$port (see $server_log)"
  mkdir -p "$REPO_ROOT/screenshots"
  BSLAB_BASE_URL="http://127.0.0.1:$port/" node --test tests/e2e/
}

# --- the stages, in order -----------------------------------------------------------------
stage setup scripts/setup.sh
stage fmt cargo fmt --all --check
stage clippy cargo clippy --workspace --all-targets -- -D warnings
stage clippy-wasm cargo clippy --target wasm32-unknown-unknown -p batch-stream-lab --all-targets -- -D warnings
stage test-native cargo test --workspace
stage spark-parity scripts/test-spark.sh
stage test-wasm-engine cargo test --target wasm32-unknown-unknown -p bslab-engine
stage test-wasm-app cargo test --target wasm32-unknown-unknown -p batch-stream-lab
stage build-release build_release
stage single-file single_file
stage e2e e2e

ok "all stages passed"
