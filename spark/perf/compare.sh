#!/usr/bin/env bash
# Simulator vs Spark on the same exported data (docs/performance.md, "Simulator vs Spark"):
# exports spark/perf/sales-1m.json (≈1.08 M events), then times, whole process with /usr/bin/time,
# RUNS times each, alternating:
#   cli-replay  bslab run --config config.json --events events/csv --duration <drained> --windows
#               (reads the exported CSV, simulates both pipelines, prints the full JSON report)
#   cli-gen     bslab run --config config.json --windows: generates the same events from the seed
#               instead of reading them (to the configured duration: the last period's run is not due yet)
#   spark       spark-submit batch_job.py --input events/csv (local[*]; the scheduled batch report)
# and prints the median of each and the ratios. Needs the release CLI and .venv (scripts/test-spark.sh).
# Usage: spark/perf/compare.sh [RUNS]   (default 5; work dir: target/spark-perf)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$REPO_ROOT"
runs="${1:-5}"
work="$REPO_ROOT/target/spark-perf"
bundle="$work/sales-1m"
rm -rf "$work"
mkdir -p "$work"
cargo build --release -p bslab-cli
target/release/bslab export --config spark/perf/sales-1m.json --out "$bundle" >&2
until_ms="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['simulated_until_ms'])" "$bundle/expected.json")"
. .venv/bin/activate

measure() { # NAME COMMAND...: one timed run, appended to $work/NAME.times as "elapsed user sys maxrss_kb"
  local name="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.one" "$@" >"$work/$name.out" 2>"$work/$name.err"
  cat "$work/$name.one" >>"$work/$name.times"
}
for i in $(seq "$runs"); do
  log "run $i/$runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  measure cli-replay target/release/bslab run --config "$bundle/config.json" --events "$bundle/events/csv" \
    --duration "$until_ms" --windows
  measure cli-gen target/release/bslab run --config "$bundle/config.json" --windows
  (cd "$bundle" && measure spark spark-submit batch_job.py --input "$bundle/events/csv")
done

python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
med = {}
for name in ["cli-replay", "cli-gen", "spark"]:
    rows = [list(map(float, l.split())) for l in open(f"{work}/{name}.times")]
    med[name] = statistics.median(r[0] for r in rows)
    print(f"{name:<11} runs (s): {' '.join(f'{r[0]:.2f}' for r in rows)}  median {med[name]:.2f} s  "
          f"(user {statistics.median(r[1] for r in rows):.2f} s, sys {statistics.median(r[2] for r in rows):.2f} s, "
          f"max RSS {statistics.median(r[3] for r in rows) / 1024:.0f} MB)")
print(f"ratio spark / cli-replay: {med['spark'] / med['cli-replay']:.1f}x; spark / cli-gen: {med['spark'] / med['cli-gen']:.1f}x")
report = json.load(open(f"{work}/cli-replay.out"))
rows = [w["batch"] for w in report["windows"] if w["batch"]]
cents = sum(r["sum_cents"] for r in rows)
print(f"cli batch report: {len(rows)} (window, key) rows, {report['batch']['processed']} events, "
      f"{report['batch']['dropped_late']} missed as late, {cents // 100}.{cents % 100:02d} in money")
print("spark batch job: " + open(f"{work}/spark.out").read().splitlines()[0])
PY
