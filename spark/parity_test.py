#!/usr/bin/env python3
"""Parity test: real Apache Spark against the simulator, on exported bundles.

    parity_test.py BUNDLE_DIR...        (scripts/test-spark.sh exports and runs them)

For each bundle (`bslab export`), in ONE SparkSession (local[2]) for all of them,
it runs the bundle's own jobs (imported from its batch_job.py and
streaming_job.py, so exactly the exported code runs) and compares with its
expected.json through the bundle's own check.py:

  batch      the scheduled runs' aggregates per (window, key), count and sum to the
             cent; the rows each run missed as late; the ground truth (all events),
             from the CSV and from the JSON Lines files
  streaming  the micro-batch ids; input rows, watermark, numRowsDroppedByWatermark
             (= the simulator's dropped (window, key) groups) and emitted rows of
             each micro-batch; Spark's query.recentProgress against the bundle's
             expected_progress.json (ids, input rows, eventTime min/max/avg/watermark,
             state rows total, updated and dropped by watermark); the late rows
             dropped per micro-batch; the final
             value of every output (window, key) row and the batch that first
             emitted it

Prints one line per check and, last, `parity: N passed, M failed (T s)`; exits 1
if any check failed. Only the standard library and pyspark.
"""

from __future__ import annotations

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

    def add(self, check_module, label: str, checks: list) -> None:
        """Prints and counts (name, problems, detail) checks, with the bundle's check.py."""
        failed = check_module.report(label, checks)
        self.failed += failed
        self.passed += len(checks) - failed


def check_bundle(spark, bundle: str, index: int, checks: Checks) -> None:
    started = time.monotonic()
    expected = json.load(open(os.path.join(bundle, "expected.json")))
    batch_job = load_module(os.path.join(bundle, "batch_job.py"), f"bslab_batch_job_{index}")
    streaming_job = load_module(os.path.join(bundle, "streaming_job.py"), f"bslab_streaming_job_{index}")
    check = load_module(os.path.join(bundle, "check.py"), f"bslab_check_{index}")
    params = batch_job.PARAMS
    scenario = os.path.basename(os.path.normpath(bundle))  # label of this bundle's checks
    if params["no_spark_equivalent"]:  # cumulative windows: Spark has none to compare
        print(f"--- {scenario}: skipped: {params['no_spark_equivalent']}", flush=True)
        return
    keys, fields = params["key_columns"], check.value_fields(params)
    csv_dir = os.path.join(bundle, "events", "csv")
    extent = (f"gap {params['gap_ms']} ms" if params["window_kind"] == "session"
              else f"{params['window_ms']} ms")
    print(f"--- {scenario} ({params['scenario']}): {expected['events']} events, {len(expected['streaming']['micro_batches'])} "
          f"micro-batches, {params['output_mode']} mode, {params['window_kind']} window {extent}"
          f"{'' if params['slide_ms'] is None else ' every ' + str(params['slide_ms']) + ' ms'}, "
          f"watermark delay {params['watermark_delay_ms']} ms ({bundle})", flush=True)

    # ---- batch ------------------------------------------------------------------------
    events = batch_job.read_events(spark, csv_dir, "csv")
    result, missed = batch_job.scheduled_report(events)
    rows = [r.asDict() for r in result.collect()]
    n_missed = missed.count()
    exp_missed = expected["batch"]["missed_late_rows"]
    truth = [r.asDict() for r in batch_job.windowed_aggregate(events).collect()]
    jsonl = batch_job.read_events(spark, os.path.join(bundle, "events", "jsonl"), "jsonl")
    truth_jsonl = [r.asDict() for r in batch_job.windowed_aggregate(jsonl).collect()]
    checks.add(check, scenario, [
        ("batch aggregates per (window, key)", check.diff_rows(expected["batch"]["rows"], rows, keys, fields),
         f"{len(rows)} rows, {sum(r['count'] for r in rows)} events"
         + (f", {sum(r['sum_cents'] for r in rows)} cents" if "sum_cents" in fields else "")),
        ("batch rows missed as late", [] if n_missed == exp_missed else [f"simulator {exp_missed}, Spark {n_missed}"],
         f"{n_missed}"),
        ("ground truth (all events, CSV)", check.diff_rows(expected["truth"]["rows"], truth, keys, fields),
         f"{len(truth)} rows"),
        ("ground truth (all events, JSON Lines)", check.diff_rows(expected["truth"]["rows"], truth_jsonl, keys, fields),
         f"{len(truth_jsonl)} rows"),
    ])

    # ---- streaming: collected here (the --output path runs in test-spark.sh through
    # spark-submit and check.py), compared by the bundle's check.py -----------------------
    with tempfile.TemporaryDirectory(prefix="bslab-parity-") as tmp:
        run = streaming_job.run(spark, csv_dir, "csv", checkpoint=os.path.join(tmp, "ckpt"), verbose=False)
    output_rows = [dict(r, batch_id=b) for b, rows in run["emitted"].items() for r in rows]
    files = [check.read_csv(p, params) for p in check.part_files(csv_dir, ".csv")]
    checks.add(check, scenario, check.streaming_checks(expected, run["batches"], output_rows, files, params,
                                                       expected_progress=check.load_expected_progress(bundle)))
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
