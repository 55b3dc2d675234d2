# Shared helpers for the project's scripts. Source it, do not run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets REPO_ROOT, puts the project's tools first on PATH and exports the variables the
# tools need. Sourcing it has no other side effect and installs nothing (scripts/setup.sh does).

# Versions the project pins. wasm-bindgen's comes from Cargo.lock (see bslab_wasm_bindgen_version).
BSLAB_TRUNK_VERSION="0.21.14"
BSLAB_CHROMIUM="/usr/bin/chromium"
BSLAB_CHROMEDRIVER="/usr/bin/chromedriver"
# Debian's Firefox ESR: the single file is also tested in it (puppeteer-core over WebDriver BiDi).
BSLAB_FIREFOX="${BSLAB_FIREFOX:-/usr/bin/firefox-esr}"
export BSLAB_FIREFOX

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# PATH: npm tools first (wasm-opt from binaryen: trunk must find it before any older system
# wasm-opt), then cargo-installed tools (trunk, wasm-bindgen, wasm-bindgen-test-runner).
export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# trunk: no "is there a newer trunk?" network call.
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner: the Debian chromedriver (webdriver.json picks /usr/bin/chromium).
export CHROMEDRIVER="${CHROMEDRIVER:-$BSLAB_CHROMEDRIVER}"
# No prompts from apt or npm, ever (CI has no stdin).
export DEBIAN_FRONTEND=noninteractive
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

if [ -t 1 ]; then
  _bslab_bold=$'\033[1m' _bslab_red=$'\033[31m' _bslab_green=$'\033[32m' _bslab_off=$'\033[0m'
else
  _bslab_bold="" _bslab_red="" _bslab_green="" _bslab_off=""
fi

# log MESSAGE...: a progress line on stderr.
log() { printf '%s==> %s%s\n' "$_bslab_bold" "$*" "$_bslab_off" >&2; }
# ok MESSAGE...: a success line on stderr.
ok() { printf '%s==> %s%s\n' "$_bslab_green" "$*" "$_bslab_off" >&2; }
# warn MESSAGE...: a warning line on stderr.
warn() { printf '%swarning: %s%s\n' "$_bslab_red" "$*" "$_bslab_off" >&2; }
# die MESSAGE...: print an error and exit 1.
die() {
  printf '%serror: %s%s\n' "$_bslab_red" "$*" "$_bslab_off" >&2
  exit 1
}

# as_root COMMAND...: runs it as root: directly when root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# bslab_wasm_bindgen_version: the wasm-bindgen crate version locked in Cargo.lock.
bslab_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_wb = 0 }
    /^name = "wasm-bindgen"$/ { in_wb = 1; next }
    in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$REPO_ROOT/Cargo.lock"
}

# bslab_tool_version TOOL: the version TOOL prints for --version (second word), or nothing.
bslab_tool_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }'
}

# bslab_free_port: a TCP port free on 127.0.0.1 right now.
bslab_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# bslab_wait_http URL [SECONDS]: wait until URL answers (default 30 s); fail if it never does.
# (python3 rather than curl: curl is not on every fresh machine.)
bslab_wait_http() {
  python3 - "$1" "${2:-30}" <<'PY'
import sys, time, urllib.request
url, deadline = sys.argv[1], time.monotonic() + float(sys.argv[2])
while True:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=2):
            sys.exit(0)
    except Exception:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.1)
PY
}

# bslab_wasm_size DIR: print the size of the .wasm files in DIR, raw and gzipped.
bslab_wasm_size() {
  local f
  for f in "$1"/*.wasm; do
    [ -e "$f" ] || continue
    printf '%s: %s bytes raw, %s bytes gzipped\n' "${f#"$REPO_ROOT"/}" \
      "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
  done
}
