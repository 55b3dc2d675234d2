"""Run one hand-made event set through real Spark Structured Streaming.

One CSV file per micro-batch in a temp input dir (zero-padded names, strictly
increasing mtimes), file source with maxFilesPerTrigger=1, availableNow trigger,
event-time watermark, windowed count/sum, foreachBatch collecting every output row
with its batch id, then `query.recentProgress` per batch.

Only the standard library and pyspark are used.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
import time
from dataclasses import dataclass

# Column order of every exported/probe event file.
COLUMNS = ["event_id", "event_time_ms", "arrival_time_ms", "key", "amount_cents"]


@dataclass
class Case:
    """One probe case: its files (one per micro-batch) and query shape.

    A file is a list of rows (event_id, event_time_ms, key, amount_cents); the
    arrival time written to the file is irrelevant to Spark and set to event time.
    A file given as the string "EMPTY0" is written as a 0-byte file; [] as a
    header-only CSV.
    """

    name: str
    question: str
    files: list
    window_ms: int = 10_000
    slide_ms: int | None = None  # sliding window when set
    session_gap_ms: int | None = None  # session window when set
    delay_ms: int = 5_000
    per_row_groups: bool = False  # also group by event_id (see docs)
    modes: tuple = ("append", "update")
    shuffle_partitions: int = 2
    max_partition_bytes: int | None = None  # force several input partitions
    names_reversed: bool = False  # file names sort opposite to their mtimes
    spark_conf: dict | None = None  # extra SQL confs for this case only


def make_spark(shuffle_partitions: int = 2):
    """local[2] session, UTC, no UI. Returns (spark, startup_seconds)."""
    from pyspark.sql import SparkSession

    t0 = time.monotonic()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bslab-watermark-probe")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.streaming.numRecentProgressUpdates", "1000")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark, time.monotonic() - t0


def write_files(case: Case, input_dir: str) -> None:
    """One CSV per micro-batch: batch-00000.csv, ... with mtimes 1 s apart.

    File i gets mtime base+i s. With `names_reversed` it is named as if it were
    file N-1-i, to show which of the two orders Spark follows."""
    base = int(time.time()) - 10 * len(case.files) - 60
    n = len(case.files)
    for i, rows in enumerate(case.files):
        name_index = n - 1 - i if case.names_reversed else i
        path = os.path.join(input_dir, f"batch-{name_index:05d}.csv")
        with open(path, "w", newline="") as f:
            if rows != "EMPTY0":
                w = csv.writer(f)
                w.writerow(COLUMNS)
                for (eid, et, key, amount) in rows:
                    w.writerow([eid, et, et, key, amount])
        os.utime(path, (base + i, base + i))


def _wm_ms(s: str | None) -> int | None:
    if s is None:
        return None
    t = dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    return int(t.timestamp() * 1000 + 0.5) if t.timestamp() >= 0 else int(t.timestamp() * 1000)


def _progress_dicts(query) -> list[dict]:
    out = []
    for p in query.recentProgress:
        d = json.loads(p.json) if hasattr(p, "json") else dict(p)
        out.append(d)
    return out


def build_query(spark, case: Case, input_dir: str):
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    schema = StructType(
        [
            StructField("event_id", LongType()),
            StructField("event_time_ms", LongType()),
            StructField("arrival_time_ms", LongType()),
            StructField("key", StringType()),
            StructField("amount_cents", LongType()),
        ]
    )
    reader = spark.readStream.schema(schema).option("header", True)
    reader = reader.option("maxFilesPerTrigger", 1)
    df = reader.csv(input_dir)
    df = df.withColumn("ts", F.timestamp_millis("event_time_ms"))
    df = df.withWatermark("ts", f"{case.delay_ms} milliseconds")
    if case.session_gap_ms is not None:
        win = F.session_window("ts", f"{case.session_gap_ms} milliseconds").alias("window")
    elif case.slide_ms is not None:
        win = F.window("ts", f"{case.window_ms} milliseconds", f"{case.slide_ms} milliseconds")
    else:
        win = F.window("ts", f"{case.window_ms} milliseconds")
    keys = [win, F.col("key")] + ([F.col("event_id")] if case.per_row_groups else [])
    return df.groupBy(*keys).agg(
        F.count(F.lit(1)).alias("cnt"), F.sum("amount_cents").alias("sum_cents")
    )


def run_case(spark, case: Case, mode: str) -> dict:
    """Run `case` in output `mode`; return batches with progress and emitted rows."""
    from pyspark.sql import functions as F

    if case.max_partition_bytes is not None:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(case.max_partition_bytes))
        spark.conf.set("spark.sql.files.openCostInBytes", "0")
    else:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
        spark.conf.unset("spark.sql.files.openCostInBytes")
    spark.conf.set("spark.sql.shuffle.partitions", str(case.shuffle_partitions))
    for k, v in (case.spark_conf or {}).items():
        spark.conf.set(k, v)

    emitted: dict[int, list] = {}

    def collect(batch_df, batch_id):
        rows = batch_df.select(
            F.unix_millis("window.start").alias("ws"),
            F.unix_millis("window.end").alias("we"),
            "key",
            *(["event_id"] if case.per_row_groups else []),
            "cnt",
            "sum_cents",
        ).collect()
        emitted[int(batch_id)] = sorted(tuple(r) for r in rows)

    with tempfile.TemporaryDirectory(prefix="bslab-probe-") as tmp:
        input_dir = os.path.join(tmp, "in")
        os.makedirs(input_dir)
        write_files(case, input_dir)
        agg = build_query(spark, case, input_dir)
        # How many input partitions (hence partial aggregates) the largest file gives.
        biggest = max(os.listdir(input_dir), key=lambda n: os.path.getsize(os.path.join(input_dir, n)))
        input_partitions = (
            spark.read.option("header", True).csv(os.path.join(input_dir, biggest))
            .rdd.getNumPartitions()
        )
        t0 = time.monotonic()
        q = (
            agg.writeStream.outputMode(mode)
            .option("checkpointLocation", os.path.join(tmp, "ckpt"))
            .foreachBatch(collect)
            .trigger(availableNow=True)
            .start()
        )
        q.awaitTermination()
        elapsed = time.monotonic() - t0
        progress = _progress_dicts(q)
    for k in case.spark_conf or {}:
        spark.conf.unset(k)

    batches = []
    for p in progress:
        bid = int(p["batchId"])
        ops = p.get("stateOperators") or [{}]
        op = ops[0]
        ev = p.get("eventTime") or {}
        batches.append(
            {
                "batch_id": bid,
                "num_input_rows": int(p.get("numInputRows", 0)),
                "watermark_ms": _wm_ms(ev.get("watermark")),
                "max_event_time_ms": _wm_ms(ev.get("max")),
                "dropped_by_watermark": op.get("numRowsDroppedByWatermark"),
                "state_rows_total": op.get("numRowsTotal"),
                "state_rows_updated": op.get("numRowsUpdated"),
                "state_rows_removed": op.get("numRowsRemoved"),
                "emitted": [list(r) for r in emitted.get(bid, [])],
            }
        )
    return {
        "case": case.name,
        "mode": mode,
        "seconds": round(elapsed, 2),
        "foreach_batch_ids": sorted(emitted),
        "input_partitions_of_largest_file": input_partitions,
        "batches": batches,
    }


def format_run(run: dict) -> str:
    """Human-readable table of one run."""
    lines = [f"--- {run['case']} [{run['mode']}] {run['seconds']} s; foreachBatch ids "
             f"{run['foreach_batch_ids']}; input partitions of largest file "
             f"{run['input_partitions_of_largest_file']}"]
    for b in run["batches"]:
        lines.append(
            f"  batch {b['batch_id']}: in={b['num_input_rows']} wm={b['watermark_ms']} "
            f"maxET={b['max_event_time_ms']} dropped={b['dropped_by_watermark']} "
            f"state={b['state_rows_total']} upd={b['state_rows_updated']} "
            f"rm={b['state_rows_removed']}"
        )
        for r in b["emitted"]:
            lines.append(f"      emit {r}")
    return "\n".join(lines)
