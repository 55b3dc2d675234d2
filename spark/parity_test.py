#!/usr/bin/env python3
"""Parity test: real Apache Spark against the simulator, on exported bundles.

    parity_test.py BUNDLE_DIR...        (scripts/test-spark.sh exports and runs them)

For each bundle (`bslab export`), in ONE SparkSession (local[2]) for all of them,
it runs the bundle's own jobs (imported from its batch_job.py and
streaming_job.py, so exactly the exported code runs) and compares with its
expected.json:

  batch      the scheduled runs' aggregates per (window, key), count and sum to the
             cent; the rows each run missed as late; the ground truth (all events),
             from the CSV and from the JSON Lines files
  streaming  the micro-batch ids; input rows, watermark, numRowsDroppedByWatermark
             (= the simulator's dropped (window, key) groups) and emitted rows of
             each micro-batch; the late rows dropped per micro-batch; the final
             value of every output (window, key) row and the batch that first
             emitted it

Prints one line per check and, last, `parity: N passed, M failed (T s)`; exits 1
if any check failed. Only the standard library and pyspark.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import sys
import tempfile
import time

T0 = time.monotonic()


def load_module(path: str, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_spark():
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bslab-parity")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.streaming.numRecentProgressUpdates", "1000000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, label: str, name: str, problems: list[str], detail: str = "") -> None:
        if problems:
            self.failed += 1
            shown = "; ".join(problems[:5]) + (f"; ... {len(problems) - 5} more" if len(problems) > 5 else "")
            print(f"  FAIL  {label:<12} {name}: {shown}", flush=True)
        else:
            self.passed += 1
            print(f"  ok    {label:<12} {name}{f' ({detail})' if detail else ''}", flush=True)


def row_key(row: dict, keys: list[str]) -> tuple:
    return (int(row["window_start_ms"]), *(row[k] for k in keys))


def diff_rows(expected: list[dict], actual: list[dict], keys: list[str], fields: list[str]) -> list[str]:
    """Differences between two row sets keyed by (window start, key...)."""
    exp = {row_key(r, keys): r for r in expected}
    act = {row_key(r, keys): r for r in actual}
    problems = []
    for k in sorted(exp.keys() - act.keys(), key=str):
        problems.append(f"{k} missing in Spark (simulator {[exp[k][f] for f in fields]})")
    for k in sorted(act.keys() - exp.keys(), key=str):
        problems.append(f"{k} only in Spark ({[act[k][f] for f in fields]})")
    for k in sorted(exp.keys() & act.keys(), key=str):
        e = [int(exp[k][f]) for f in fields + ["window_end_ms"]]
        a = [int(act[k][f]) for f in fields + ["window_end_ms"]]
        if e != a:
            problems.append(f"{k}: simulator {e}, Spark {a} ({fields + ['window_end_ms']})")
    return problems


def per_batch(name: str, expected: list, actual: list) -> list[str]:
    problems = []
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            problems.append(f"batch {i}: simulator {e}, Spark {a}")
    if len(expected) != len(actual):
        problems.append(f"{name}: simulator has {len(expected)} batches, Spark {len(actual)}")
    return problems


def read_csv_files(directory: str, params: dict) -> list[list[dict]]:
    """The event files, in name (= batch) order, parsed."""
    types = dict(params["columns"])
    files = []
    for name in sorted(n for n in os.listdir(directory) if n.startswith("part-")):
        with open(os.path.join(directory, name), newline="") as f:
            rows = []
            for r in csv.DictReader(f):
                rows.append({k: (v if types[k] == "string" else int(v)) for k, v in r.items()})
            files.append(rows)
    return files


def check_bundle(spark, bundle: str, index: int, checks: Checks) -> None:
    started = time.monotonic()
    expected = json.load(open(os.path.join(bundle, "expected.json")))
    batch_job = load_module(os.path.join(bundle, "batch_job.py"), f"bslab_batch_job_{index}")
    streaming_job = load_module(os.path.join(bundle, "streaming_job.py"), f"bslab_streaming_job_{index}")
    params = batch_job.PARAMS
    scenario = os.path.basename(os.path.normpath(bundle))  # label of this bundle's checks
    keys = params["key_columns"]
    fields = ["count"] + (["sum_cents"] if params["amount_column"] else [])
    csv_dir = os.path.join(bundle, "events", "csv")
    print(f"--- {scenario} ({params['scenario']}): {expected['events']} events, {len(expected['streaming']['micro_batches'])} "
          f"micro-batches, {params['output_mode']} mode, window {params['window_ms']} ms, "
          f"watermark delay {params['watermark_delay_ms']} ms ({bundle})", flush=True)

    # ---- batch ------------------------------------------------------------------------
    events = batch_job.read_events(spark, csv_dir, "csv")
    result, missed = batch_job.scheduled_report(events)
    rows = [r.asDict() for r in result.collect()]
    exp_rows = expected["batch"]["rows"]
    checks.check(scenario, "batch aggregates per (window, key)", diff_rows(exp_rows, rows, keys, fields),
                 f"{len(rows)} rows, {sum(r['count'] for r in rows)} events"
                 + (f", {sum(r['sum_cents'] for r in rows)} cents" if "sum_cents" in fields else ""))
    n_missed = missed.count()
    exp_missed = expected["batch"]["missed_late_rows"]
    checks.check(scenario, "batch rows missed as late",
                 [] if n_missed == exp_missed else [f"simulator {exp_missed}, Spark {n_missed}"], f"{n_missed}")
    truth = [r.asDict() for r in batch_job.windowed_aggregate(events).collect()]
    checks.check(scenario, "ground truth (all events, CSV)",
                 diff_rows(expected["truth"]["rows"], truth, keys, fields), f"{len(truth)} rows")
    jsonl = batch_job.read_events(spark, os.path.join(bundle, "events", "jsonl"), "jsonl")
    truth_jsonl = [r.asDict() for r in batch_job.windowed_aggregate(jsonl).collect()]
    checks.check(scenario, "ground truth (all events, JSON Lines)",
                 diff_rows(expected["truth"]["rows"], truth_jsonl, keys, fields), f"{len(truth_jsonl)} rows")

    # ---- streaming ----------------------------------------------------------------------
    with tempfile.TemporaryDirectory(prefix="bslab-parity-") as tmp:
        run = streaming_job.run(spark, csv_dir, "csv", checkpoint=os.path.join(tmp, "ckpt"), verbose=False)
    sb = run["batches"]
    eb = expected["streaming"]["micro_batches"]
    emitted = run["emitted"]
    checks.check(scenario, "micro-batch ids", per_batch("ids", [b["batch_id"] for b in eb], [b["batch_id"] for b in sb]),
                 f"{len(sb)} batches")
    checks.check(scenario, "input rows per micro-batch",
                 per_batch("input rows", [b["input_rows"] for b in eb], [b["input_rows"] for b in sb]))
    checks.check(scenario, "watermark after each micro-batch",
                 per_batch("watermark", [b["watermark_ms"] for b in eb], [b["watermark_ms"] for b in sb]),
                 f"final {sb[-1]['watermark_ms'] if sb else None} ms")
    checks.check(scenario, "numRowsDroppedByWatermark per micro-batch",
                 per_batch("dropped groups", [b["dropped_groups"] for b in eb],
                           [b["dropped_by_watermark"] for b in sb]),
                 f"{sum(b['dropped_by_watermark'] for b in sb)} (window, key) groups")
    # Which rows Spark dropped: those of batch k's file whose window ended at or before
    # Spark's watermark of batch k-1; their (window, key) groups must be what Spark counted.
    files = read_csv_files(csv_dir, params)
    w = params["window_ms"]
    spark_rows, spark_groups = [], []
    for k, rows_k in enumerate(files):
        late_wm = sb[k - 1]["watermark_ms"] if 0 < k <= len(sb) else 0
        late = [r for r in rows_k if r["event_time_ms"] - r["event_time_ms"] % w + w <= late_wm]
        spark_rows.append(len(late))
        spark_groups.append(len({(r["event_time_ms"] // w, *(r[c] for c in keys)) for r in late}))
    problems = per_batch("dropped rows", [b["dropped_rows"] for b in eb], spark_rows)
    problems += [f"batch {k}: late rows form {g} groups, Spark counted {s['dropped_by_watermark']}"
                 for k, (g, s) in enumerate(zip(spark_groups, sb)) if g != s["dropped_by_watermark"]]
    checks.check(scenario, "late rows dropped per micro-batch", problems,
                 f"{sum(spark_rows)} rows, simulator {expected['streaming']['dropped_late_rows']}")
    checks.check(scenario, "rows emitted per micro-batch",
                 per_batch("emitted", [b["emitted_rows"] for b in eb],
                           [len(emitted.get(b["batch_id"], [])) for b in sb]))
    final, first = {}, {}
    for batch_id in sorted(emitted):
        for r in emitted[batch_id]:
            final[row_key(r, keys)] = r
            first.setdefault(row_key(r, keys), batch_id)
    exp_stream = expected["streaming"]["rows"]
    problems = diff_rows(exp_stream, list(final.values()), keys, fields)
    problems += [f"{row_key(r, keys)} first emitted by batch {first.get(row_key(r, keys))} in Spark, "
                 f"{r.get('first_batch')} in the simulator"
                 for r in exp_stream if row_key(r, keys) in first and first[row_key(r, keys)] != r.get("first_batch")]
    checks.check(scenario, "streaming output rows (final values, first batch)", problems,
                 f"{len(final)} rows")
    print(f"    {scenario}: {time.monotonic() - started:.1f} s", flush=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    checks = Checks()
    spark = make_spark()
    print(f"SparkSession {spark.version} ready in {time.monotonic() - T0:.1f} s", flush=True)
    for i, bundle in enumerate(argv):
        check_bundle(spark, bundle, i, checks)
    spark.stop()
    print(f"parity: {checks.passed} passed, {checks.failed} failed ({time.monotonic() - T0:.1f} s)")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
