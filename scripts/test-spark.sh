#!/usr/bin/env bash
# Spark parity test: real Apache Spark against the simulator.
#   1. installs what is missing, once: Java 17 (apt, only if there is no `java`), python3-venv
#      (apt, only if venv cannot work), pyspark 4.3.0 in .venv (scripts/spark-venv.sh)
#   2. builds the CLI (release) and exports one bundle per config of spark/parity/ (small
#      experiments, one per scenario, with late data crossing the watermark) to target/spark-parity/;
#      social goes through the .zip the app downloads (extracted without its modification times)
#   3. runs spark/jobs_test.py (the streaming job's helpers, no Spark), then spark/parity_test.py on
#      the bundles: their own batch_job.py and streaming_job.py in ONE SparkSession (local[2]),
#      compared with each bundle's expected.json by the bundle's check.py
#   4. the boundary bundle (window ends exactly on watermarks) as a user runs it:
#      `spark-submit streaming_job.py --output out && python3 check.py out`
#   5. (no argument only) session windows: the engine's cases (examples/session_parity.rs, page
#      views with late ones) against `session_window` by spark/session_parity_test.py
# Last lines: `parity: N passed, M failed (T s)`, then check.py's verdict. Exit status non-zero on
# any failure.
# Usage: scripts/test-spark.sh [CONFIG.json...]     (default: spark/parity/*.json)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
start=$SECONDS

apt_install() {
  log "apt-get install $*"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@"
}

# --- what Spark needs -------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
command -v java >/dev/null 2>&1 || die "java still not on PATH after installing openjdk-17-jre-headless"
if [ ! -x .venv/bin/python ] && ! python3 -c 'import ensurepip' 2>/dev/null; then
  apt_install python3-venv
fi
PY="$(scripts/spark-venv.sh)"

# --- bundles ----------------------------------------------------------------------------------
log "cargo build --release -p bslab-cli"
cargo build --release -p bslab-cli
bslab="${CARGO_TARGET_DIR:-target}/release/bslab"
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(spark/parity/*.json)
out="$REPO_ROOT/target/spark-parity"
rm -rf "$out"
mkdir -p "$out"
bundles=()
submitted=()
for config in "${configs[@]}"; do
  name="$(basename "$config" .json)"
  if [ "$name" = boundary ]; then
    # Checked through spark-submit and check.py, as the bundle's README says.
    "$bslab" export --config "$config" --out "$out/$name" >&2
    submitted+=("$out/$name")
  elif [ "$name" = social ]; then
    # The app's download: the .zip, extracted by a tool that does not keep modification times
    # (Python's zipfile), so streaming_job.py must put the files back in order itself.
    "$bslab" export --config "$config" --zip --out "$out/$name.zip" >&2
    (cd "$out" && "$PY" -m zipfile -e "$name.zip" "$name-zip")
    bundles+=("$(echo "$out/$name-zip"/*)")
  else
    "$bslab" export --config "$config" --out "$out/$name" >&2
    bundles+=("$out/$name")
  fi
done

# --- CSV files of `bslab run --csv`, read by DuckDB --------------------------------------------
for preset in sales-daily-vs-live social-viral-post late-data-spark-vs-flink; do
  log "spark/csv_duckdb_test.py ($preset)"
  "$bslab" run --preset "$preset" --duration 70m --samples --windows --csv "$out/csv-$preset" \
    >"$out/csv-$preset.json"
  "$PY" spark/csv_duckdb_test.py "$out/csv-$preset" "$out/csv-$preset.json"
done

# --- real Spark -------------------------------------------------------------------------------
if [ ${#bundles[@]} -gt 0 ]; then
  log "spark/jobs_test.py (streaming_job.py helpers)"
  "$PY" spark/jobs_test.py "${bundles[0]}"
  log "spark/parity_test.py (${#bundles[@]} bundles, one SparkSession)"
  "$PY" spark/parity_test.py "${bundles[@]}"
fi
for bundle in ${submitted[@]+"${submitted[@]}"}; do
  log "spark-submit streaming_job.py --output out && python3 check.py out ($bundle)"
  (
    cd "$bundle"
    PATH="$(dirname "$PY"):$PATH" spark-submit --master 'local[2]' --conf spark.ui.enabled=false \
      streaming_job.py --output out >submit.log 2>submit.err || { tail -20 submit.err >&2; exit 1; }
    tail -2 submit.log
    python3 check.py out
  )
done
# --- session windows (engine rules, not yet a bundle): engine cases against session_window ---
if [ $# -eq 0 ]; then
  log "spark/session_parity_test.py (session windows, seeds 7 and 11)"
  cargo build --release -p bslab-engine --example session_parity
  cases=()
  for seed in 7 11; do
    rm -rf "$out/session-$seed"
    "${CARGO_TARGET_DIR:-target}/release/examples/session_parity" "$out/session-$seed" "$seed"
    cases+=("$out/session-$seed")
  done
  (cd spark && "$PY" session_parity_test.py "${cases[@]}")
fi
ok "spark parity: $((SECONDS - start)) s in all (install, build, export and Spark)"
