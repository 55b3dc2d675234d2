#!/usr/bin/env bash
# Whole-process speed on the same M/M/1 queue: `bslab run` (both pipelines, report
# included) against SimPy and a plain Python Lindley loop, same λ, μ and customers.
#
#   bench/simpy-mm1.sh [CUSTOMERS]      # default 1000000; λ = 8/s, service mean 100 ms (ρ = 0.8)
#
# Installs SimPy (pinned) from PyPI into its own venv under target/, once. Prints
# customers/s for each, per second of wall time and per second of CPU time (user +
# system, which a busy machine inflates far less), and bslab's ratio to each; the
# mean time in system of every
# line should be close to theory's 1/(μ − λ) = 500 ms (same queue, different draws).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

SIMPY_VERSION="4.1.1"
CUSTOMERS="${1:-1000000}"
RATE=8
SERVICE_MS=100
VENV="$REPO_ROOT/target/simpy-venv"
PY="$VENV/bin/python"

if [[ ! -x "$PY" ]]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
fi
if [[ "$("$PY" -c 'import importlib.metadata as m; print(m.version("simpy"))' 2>/dev/null || true)" != "$SIMPY_VERSION" ]]; then
    log "installing simpy==$SIMPY_VERSION"
    "$PY" -m pip install --quiet --disable-pip-version-check "simpy==$SIMPY_VERSION"
fi

log "building bslab (release)"
cargo build --quiet --release -p bslab-cli
BSLAB="$REPO_ROOT/target/release/bslab"

# The queue-mm1 preset is λ = 8/s, one worker, exponential service of mean 100 ms:
# run it for as long as CUSTOMERS arrivals take on average.
DURATION_MS=$((CUSTOMERS * 1000 / RATE))
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
{
    # bslab run from Python, to read its CPU time (user + system) as well as the
    # wall time: on a busy machine the CPU time is the figure that holds.
    python3 - "$BSLAB" "$DURATION_MS" "$report" <<'PYEOF'
import json, os, subprocess, sys, time
bslab, duration, report = sys.argv[1:4]
before, start = os.times(), time.perf_counter()
with open(report, "w") as out:
    subprocess.run([bslab, "run", "--preset", "queue-mm1", "--duration", duration], stdout=out, check=True)
wall, after = time.perf_counter() - start, os.times()
cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
r = json.load(open(report))
n = r["generated"]
w = r["queueing"]["measured"]["time_in_system_ms"]
print(f"bslab {n} {wall:.3f} {w:.1f} {cpu:.3f}")
PYEOF
    "$PY" "$REPO_ROOT/bench/simpy_mm1.py" "$CUSTOMERS" "$RATE" "$SERVICE_MS"
} | python3 -c '
import sys
rows = [l.split() for l in sys.stdin]
print("%-16s%10s%9s%14s%8s%8s%14s%10s" % ("engine", "customers", "wall s", "customers/s", "bslab ×", "CPU s", "per CPU s", "bslab ×"))
def rates(row):
    n = float(row[1])
    return n / float(row[2]), n / float(row[4])
bslab = rates(rows[0])
for row in rows:
    name, n, wall, w, cpu = row
    wall_rate, cpu_rate = rates(row)
    print(f"{name:<16}{n:>10}{wall:>9}{int(wall_rate):>14,}{bslab[0] / wall_rate:>8.1f}{cpu:>8}{int(cpu_rate):>14,}{bslab[1] / cpu_rate:>10.1f}  W = {w} ms")
'
