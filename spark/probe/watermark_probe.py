#!/usr/bin/env python3
"""Probe Spark 4 Structured Streaming watermark, late-drop and emit rules.

Runs the cases of `cases.py` through real Spark (file source, one CSV file per
micro-batch, availableNow) in append and update mode, prints what Spark did per
batch, compares it with the reference model in `model.py`, and writes the
observations as JSON (one file per case) for docs/spark-semantics.md.

    PY=$(scripts/spark-venv.sh)
    $PY spark/probe/watermark_probe.py                 # all cases
    $PY spark/probe/watermark_probe.py A_basic_boundaries R1
    $PY spark/probe/watermark_probe.py --out /tmp/obs  # elsewhere

Exit status 1 if Spark and the model differ anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases as probe_cases  # noqa: E402
import model  # noqa: E402
from probe_lib import format_run, make_spark, run_case  # noqa: E402

# Fields compared between Spark and the model (session model has fewer).
FIELDS = ["batch_id", "num_input_rows", "watermark_ms", "dropped_by_watermark",
          "state_rows_total", "state_rows_updated", "state_rows_removed", "emitted"]


def model_batches(case, mode):
    if case.session_gap_ms is not None:
        return model.run_session_model(case.files, case.session_gap_ms, case.delay_ms, mode)
    allow_multiple = (case.spark_conf or {}).get(
        "spark.sql.streaming.statefulOperator.allowMultiple", "true")
    return model.run_model(case.files, case.window_ms, case.delay_ms, mode,
                           slide_ms=case.slide_ms, per_row_groups=case.per_row_groups,
                           late_wm="previous" if allow_multiple == "true" else "current")


def compare(run, expected) -> list[str]:
    diffs = []
    got = run["batches"]
    if len(got) != len(expected):
        diffs.append(f"batch count: spark {len(got)} model {len(expected)}")
    for g, e in zip(got, expected):
        for f in FIELDS:
            if f in e and g.get(f) != e[f]:
                diffs.append(f"batch {g['batch_id']} {f}: spark {g.get(f)} model {e[f]}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="case names (default: all)")
    ap.add_argument("--out", default=os.path.join(HERE, "observed"))
    ap.add_argument("--modes", default=None, help="comma list overriding each case's modes")
    args = ap.parse_args()

    selected = [c for c in probe_cases.ALL if not args.names or c.name in args.names]
    if not selected:
        print("no such case; known:", ", ".join(c.name for c in probe_cases.ALL))
        return 2
    os.makedirs(args.out, exist_ok=True)

    t_all = time.monotonic()
    spark, startup = make_spark()
    import pyspark
    print(f"pyspark {pyspark.__version__}, Spark {spark.version}; session start {startup:.1f} s")

    failures = 0
    for case in selected:
        modes = args.modes.split(",") if args.modes else case.modes
        record = {"case": case.name, "question": case.question, "window_ms": case.window_ms,
                  "slide_ms": case.slide_ms, "session_gap_ms": case.session_gap_ms,
                  "delay_ms": case.delay_ms, "per_row_groups": case.per_row_groups,
                  "max_partition_bytes": case.max_partition_bytes,
                  "names_reversed": case.names_reversed, "spark_conf": case.spark_conf,
                  "spark_version": spark.version, "files": case.files, "runs": []}
        for mode in modes:
            run = run_case(spark, case, mode)
            print(format_run(run))
            diffs = compare(run, model_batches(case, mode))
            run["model_matches"] = not diffs
            run["model_diffs"] = diffs
            print("  MODEL:", "matches" if not diffs else "DIFFERS")
            for d in diffs:
                print("   ", d)
            failures += bool(diffs)
            record["runs"].append(run)
        with open(os.path.join(args.out, f"{case.name}.json"), "w") as f:
            json.dump(record, f, indent=1)
            f.write("\n")

    spark.stop()
    print(f"total {time.monotonic() - t_all:.1f} s; {failures} run(s) differ from the model")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
