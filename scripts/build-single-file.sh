#!/usr/bin/env bash
# Builds the app as ONE self-contained HTML file that works opened from disk (file://)
# in Chromium and Firefox, with no network: the wasm binaries (the page's, the
# "Export for Spark" worker's, the Sweep view's and each language's strings') gzipped inside
# it, the CSS and JS glue inline.
#
# Usage: scripts/build-single-file.sh [DIST]
#   DIST  an existing `trunk build --release` output to package (its CSS, and the wasm
#         cargo built for it); without it, `trunk build --release` runs first (into
#         target/release-dist/).
# Output: target/single-file/batch-stream-lab.html (BSLAB_SINGLE_FILE sets another path);
# its size is printed.
# Share links made from the file start with BSLAB_PUBLIC_URL, the address where the app is
# published (e.g. BSLAB_PUBLIC_URL=https://example.org/bslab/); without it the app says
# that its links only open where the same file is.
#
# Why not trunk's dist/: its absolute asset paths, the wasm fetch and the worker script
# are all blocked on file://. So the page glue is rebuilt with `wasm-bindgen --target
# no-modules` (a plain script, no ES module import), and a bootstrap decodes the wasm in
# the browser, starts the worker from a Blob URL and runs the Sweep view's glue when the
# page asks for it (scripts/single_file.py).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

dist="${1:-}"
if [ -z "$dist" ]; then
  dist="$REPO_ROOT/target/release-dist"
  rm -rf "$dist"
  trunk build --release --dist "$dist"
fi
[ -n "$(ls "$dist"/style-*.css 2>/dev/null)" ] || die "no style-*.css in $dist: is it a trunk release build?"

out="${BSLAB_SINGLE_FILE:-$REPO_ROOT/target/single-file/batch-stream-lab.html}"
work="$REPO_ROOT/target/single-file/work"
mkdir -p "$work" "$(dirname "$out")"
# Every style sheet of the page, in the page's order (style.css, classroom.css, sweep.css).
css="$work/page.css"
cat "$dist"/style-*.css "$dist"/classroom-*.css "$dist"/sweep-*.css >"$css"
# Each wasm as index.html builds it: the page with the `web` profile, the worker with `release`.
for bin_profile in batch-stream-lab:web spark-export-worker:release sweep-view:web locale-en:web locale-pt:web; do
  bin="${bin_profile%%:*}"
  wasm="$REPO_ROOT/target/wasm32-unknown-unknown/${bin_profile#*:}/$bin.wasm"
  [ -f "$wasm" ] || die "no $wasm: run trunk build --release first"
  wasm-bindgen --target no-modules --no-typescript --out-dir "$work" "$wasm"
  # One -Oz pass, without the page's `--converge`: converging took 39 s instead of 13 s
  # for the page's wasm on the build machine, for 0.2 % of its gzipped size.
  wasm-opt -Oz --output "$work/${bin}_opt.wasm" "$work/${bin}_bg.wasm"
done
python3 scripts/single_file.py "$css" \
  "$work/batch-stream-lab.js" "$work/batch-stream-lab_opt.wasm" \
  "$work/spark-export-worker.js" "$work/spark-export-worker_opt.wasm" \
  "$work/sweep-view.js" "$work/sweep-view_opt.wasm" \
  node_modules/qrcode-generator/dist/qrcode.js "$out" \
  en "$work/locale-en.js" "$work/locale-en_opt.wasm" \
  pt "$work/locale-pt.js" "$work/locale-pt_opt.wasm"
printf 'single file: %s: %s bytes (%s bytes gzipped)\n' "${out#"$REPO_ROOT"/}" \
  "$(wc -c <"$out")" "$(gzip -9 -c "$out" | wc -c)"
if [ -z "${BSLAB_PUBLIC_URL:-}" ]; then
  warn "BSLAB_PUBLIC_URL is not set: share links made from this file only open where the same file is"
fi
