#!/usr/bin/env bash
# Runs the fuzz harness (crates/engine/tests/fuzz.rs) for SECONDS (default 1800 = 30 min),
# at low priority, with a larger work budget than the brief run of `scripts/test.sh`,
# starting from case FIRST (default 1000000, past the cases the brief run covers).
# Prints the tally (cases, refusals, runs, events, slowest run, peak RSS).
# Usage: scripts/fuzz.sh [SECONDS] [FIRST]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
export BSLAB_FUZZ_SECONDS="${1:-1800}"
export BSLAB_FUZZ_FIRST_CASE="${2:-1000000}"
export BSLAB_FUZZ_WORK="${BSLAB_FUZZ_WORK:-1e7}"
nice -n 10 cargo test -p bslab-engine --test fuzz -- --nocapture
