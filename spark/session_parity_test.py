#!/usr/bin/env python3
"""Session windows: real Apache Spark against the engine's session rules.

    session_parity_test.py CASE_DIR...

Each CASE_DIR is written by `cargo run -p bslab-engine --example session_parity -- CASE_DIR SEED`:
seeded page views with late ones, one CSV file per micro-batch under events/ (empty
for a no-data batch), all.csv, and expected.json (the engine's results). In one
SparkSession (local[2]) it runs, with `session_window(event_time, gap)` per visitor:

  batch      every complete session over all.csv: start, end, visitor, count and sum, exact
  streaming  the file source one file per trigger (availableNow), append mode, watermark:
             per micro-batch the watermark, numRowsDroppedByWatermark (input rows for
             session windows) and every session emitted

Prints one line per check, then `session parity: N passed, M failed (T s)`; exits 1 if
any check failed. Only the standard library and pyspark.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

from parity_test import make_spark

T0 = time.monotonic()
SCHEMA = "visitor LONG, event_time_ms LONG, dwell_ms LONG"


def sessions(df, gap_ms: int):
    from pyspark.sql import functions as F

    return df.groupBy(
        F.session_window("event_time", f"{gap_ms} milliseconds"), "visitor"
    ).agg(F.count(F.lit(1)).alias("count"), F.sum("dwell_ms").alias("sum"))


def rows_of(df) -> list[list[int]]:
    from pyspark.sql import functions as F

    picked = df.select(
        F.unix_millis("session_window.start"),
        F.unix_millis("session_window.end"),
        "visitor",
        "count",
        "sum",
    )
    return sorted([list(r) for r in picked.collect()])


def batch(spark, case: str, expected: dict) -> list[list[int]]:
    from pyspark.sql import functions as F

    df = spark.read.schema(SCHEMA).option("header", True).csv(os.path.join(case, "all.csv"))
    df = df.withColumn("event_time", F.timestamp_millis("event_time_ms"))
    return rows_of(sessions(df, expected["gap_ms"]))


def streaming(spark, case: str, expected: dict):
    from pyspark.sql import functions as F

    events = os.path.join(case, "events")
    names = sorted(os.listdir(events))
    base = int(time.time()) - len(names) - 60
    for i, name in enumerate(names):  # the file source reads in modification-time order
        os.utime(os.path.join(events, name), (base + i, base + i))
    stream = (
        spark.readStream.schema(SCHEMA)
        .option("maxFilesPerTrigger", 1)
        .option("maxFileAge", "36500d")
        .option("header", True)
        .csv(events)
        .withColumn("event_time", F.timestamp_millis("event_time_ms"))
        .withWatermark("event_time", f"{expected['watermark_delay_ms']} milliseconds")
    )
    emitted: dict[int, list[list[int]]] = {}

    def collect(df, batch_id):
        emitted[batch_id] = rows_of(df)

    with tempfile.TemporaryDirectory() as checkpoint:
        query = (
            sessions(stream, expected["gap_ms"])
            .writeStream.outputMode("append")
            .option("checkpointLocation", checkpoint)
            .trigger(availableNow=True)
            .foreachBatch(collect)
            .start()
        )
        query.awaitTermination()
        progress = [json.loads(p.json) for p in query.recentProgress]
    return progress, emitted


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name: str, got, want):
        if got == want:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}\n      spark:  {got}\n      engine: {want}")


def compare(checks: Checks, spark, case: str):
    with open(os.path.join(case, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    label = f"{os.path.basename(os.path.normpath(case))} (seed {expected['seed']})"
    checks.check(f"{label} batch sessions", batch(spark, case, expected), sorted(expected["batch_sessions"]))
    progress, emitted = streaming(spark, case, expected)
    by_id = {p["batchId"]: p for p in progress}
    want_batches = expected["micro_batches"]
    checks.check(f"{label} micro-batch ids", sorted(by_id), [b["batch_id"] for b in want_batches])
    for b in want_batches:
        p = by_id.get(b["batch_id"], {})
        wm = p.get("eventTime", {}).get("watermark")
        got = {
            "input_rows": p.get("numInputRows"),
            "watermark_ms": None if wm is None else _ms(wm),
            "dropped_rows": sum(s.get("numRowsDroppedByWatermark", 0) for s in p.get("stateOperators", [])),
            "emitted": emitted.get(b["batch_id"], []),
        }
        want = {k: (sorted(b[k]) if k == "emitted" else b[k]) for k in got}
        checks.check(f"{label} micro-batch {b['batch_id']}", got, want)
    merges = sum(b["merging_rows"] for b in want_batches)
    dropped = sum(b["dropped_rows"] for b in want_batches)
    print(f"      ({len(want_batches)} micro-batches, {dropped} rows dropped, {merges} rows joined two sessions or more)")


def _ms(timestamp: str) -> int:
    import datetime as dt

    t = dt.datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    delta = t - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def main(cases: list[str]) -> int:
    spark = make_spark()
    checks = Checks()
    for case in cases:
        compare(checks, spark, case)
    spark.stop()
    print(f"session parity: {checks.passed} passed, {checks.failed} failed ({time.monotonic() - T0:.0f} s)")
    return 1 if checks.failed or not checks.passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
