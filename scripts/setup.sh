#!/usr/bin/env bash
# Installs everything the project needs to build, run and test, and skips what is already there
# (≈2 s when nothing is missing). Works on a fresh Debian machine with only rustup, node and python:
#   - Rust: wasm32-unknown-unknown target, rustfmt and clippy components
#   - trunk (cargo install --locked, pinned version)
#   - wasm-bindgen-cli, at the exact wasm-bindgen version of Cargo.lock (gives wasm-bindgen and
#     wasm-bindgen-test-runner; must be installed WITHOUT --locked)
#   - chromium + chromium-driver (Debian packages) for headless browser tests
#   - firefox-esr (Debian package): the single HTML file is tested in Firefox too
#   - npm packages of package-lock.json: binaryen (wasm-opt for trunk), playwright-core (e2e
#     tests), puppeteer-core (drives Firefox; it downloads no browser)
#   - every crate of Cargo.lock (cargo fetch), since trunk builds offline
# Usage: scripts/setup.sh         (run and test scripts call it themselves)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# A duplicate `cargo install` of the same tool (for instance one started by hand in the
# background) would compile for minutes for nothing: wait for it, then look again.
wait_for_other_install() {
  local what="$1" waited=0
  while pgrep -f "cargo install.* $what" >/dev/null 2>&1; do
    if [ "$waited" -eq 0 ]; then
      log "another 'cargo install $what' is running: waiting for it to finish"
    fi
    sleep 5
    waited=$((waited + 5))
    if [ "$waited" -ge 1800 ]; then
      die "waited 30 min for another 'cargo install $what'; giving up"
    fi
  done
}

# --- Rust target and components ----------------------------------------------------------
command -v rustup >/dev/null 2>&1 || die "rustup not found: install Rust with rustup first"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
components="$(rustup component list --installed)"
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$components"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done

# --- trunk --------------------------------------------------------------------------------
if [ "$(bslab_tool_version trunk)" != "$BSLAB_TRUNK_VERSION" ]; then
  wait_for_other_install trunk
  if [ "$(bslab_tool_version trunk)" != "$BSLAB_TRUNK_VERSION" ]; then
    log "cargo install --locked trunk --version $BSLAB_TRUNK_VERSION (≈7 min the first time)"
    cargo install --locked trunk --version "$BSLAB_TRUNK_VERSION"
  fi
  [ "$(bslab_tool_version trunk)" = "$BSLAB_TRUNK_VERSION" ] ||
    die "trunk on PATH is '$(command -v trunk)' $(bslab_tool_version trunk), not $BSLAB_TRUNK_VERSION"
fi

# --- wasm-bindgen-cli ---------------------------------------------------------------------
wbg_version="$(bslab_wasm_bindgen_version)"
[ -n "$wbg_version" ] || die "no wasm-bindgen entry in Cargo.lock"
wbg_ok() {
  [ "$(bslab_tool_version wasm-bindgen)" = "$wbg_version" ] &&
    [ "$(bslab_tool_version wasm-bindgen-test-runner)" = "$wbg_version" ]
}
if ! wbg_ok; then
  wait_for_other_install wasm-bindgen-cli
  if ! wbg_ok; then
    # Not --locked: the CLI's own lockfile wants a crate version the registry does not serve.
    log "cargo install wasm-bindgen-cli --version $wbg_version (≈2.5 min the first time)"
    cargo install --force wasm-bindgen-cli --version "$wbg_version"
  fi
  wbg_ok || die "wasm-bindgen on PATH is '$(command -v wasm-bindgen)'" \
    "$(bslab_tool_version wasm-bindgen), not $wbg_version"
fi

# --- Chromium and its WebDriver -----------------------------------------------------------
if [ ! -x "$BSLAB_CHROMIUM" ] || [ ! -x "$BSLAB_CHROMEDRIVER" ]; then
  # With recommended packages: they bring the fonts that screenshots need.
  log "apt-get install chromium chromium-driver (≈1 min)"
  # DPkg::Lock::Timeout: wait for an apt run already in progress instead of failing.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q chromium chromium-driver
  [ -x "$BSLAB_CHROMIUM" ] && [ -x "$BSLAB_CHROMEDRIVER" ] ||
    die "chromium-driver installed, but $BSLAB_CHROMIUM or $BSLAB_CHROMEDRIVER is missing"
fi

# --- Firefox ESR --------------------------------------------------------------------------
if [ ! -x "$BSLAB_FIREFOX" ]; then
  # ≈25 s when the package lists are fresh (apt-get update adds ≈10 s).
  log "apt-get install firefox-esr (≈30 s)"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q firefox-esr
  [ -x "$BSLAB_FIREFOX" ] || die "firefox-esr installed, but $BSLAB_FIREFOX is missing"
fi

# --- npm packages (wasm-opt, playwright-core, puppeteer-core) -----------------------------
command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js (20 or later) first"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.bslab-package-lock.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] ||
  [ ! -e node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] ||
  [ ! -d node_modules/puppeteer-core ]; then
  log "npm ci (binaryen, playwright-core, puppeteer-core)"
  npm ci --no-audit --no-fund
  echo "$lock_sum" >"$stamp"
fi

# --- crates (trunk builds with --offline) -------------------------------------------------
cargo fetch --quiet

ok "setup: trunk $(bslab_tool_version trunk), wasm-bindgen $(bslab_tool_version wasm-bindgen)," \
  "wasm-opt $(wasm-opt --version | awk '{ print $3 }'), $("$BSLAB_CHROMIUM" --version 2>/dev/null)"
