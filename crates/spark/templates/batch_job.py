#!/usr/bin/env python3
"""Batch x Stream Lab -- the BATCH pipeline as a PySpark DataFrame job.

The simulated batch pipeline runs on a schedule: run p covers the event-time
period [p*interval, (p+1)*interval) and starts `offset` after that period ends;
it reads the events of its period that had ARRIVED by then (arrival_time_ms <=
its start) and publishes the scenario's aggregate per event-time window. Events
arriving after their period's run started are missed (counted, not lost).
This job computes every run of that schedule at once over the exported events,
and (with --all-data) the same query over every event: the ground truth.
Exported by `bslab export`; the parameters are in PARAMS below.

    spark-submit batch_job.py                       # the bundle's events/csv
    spark-submit batch_job.py --input DIR --output DIR2
    spark-submit batch_job.py --all-data            # ground truth: no arrival cut-off

See README.md (Portuguese and English) for running it on a cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

# __BSLAB_COMMON__


def read_events(spark, input_path: str, fmt: str = "csv", params=PARAMS):
    """Every exported event, as a (batch) DataFrame."""
    reader = spark.read.schema(event_schema(params))
    if fmt == "csv":
        return reader.option("header", True).csv(input_path)
    return reader.json(input_path)


def with_cutoff(events, params=PARAMS):
    """Adds `cutoff_ms`: the start of the run that reads the event's period
    (scheduled at the period's end + offset, later if the previous run overran)."""
    from pyspark.sql import functions as F

    interval, offset = params["batch_interval_ms"], params["batch_offset_ms"]
    events = events.withColumn("period", F.floor(F.col("event_time_ms") / F.lit(interval)))
    scheduled = (F.col("period") + 1) * F.lit(interval) + F.lit(offset)
    delayed = params["batch_delayed_runs"]
    if not delayed:
        return events.withColumn("cutoff_ms", scheduled)
    spark = events.sparkSession
    runs = spark.createDataFrame(delayed, "period long, started_ms long")
    return (
        events.join(F.broadcast(runs), "period", "left")
        .withColumn("cutoff_ms", F.coalesce(F.col("started_ms"), scheduled))
        .drop("started_ms")
    )


def windowed_aggregate(events, params=PARAMS):
    """The scenario's query per event-time window (the same as the streaming job's)."""
    from pyspark.sql import functions as F

    return windowed_aggregate_by(events, F.timestamp_millis("event_time_ms"), params)


def scheduled_report(events, params=PARAMS):
    """(rows the scheduled runs publish, DataFrame of the events they missed)."""
    from pyspark.sql import functions as F

    events = with_cutoff(events, params)
    read = events.filter(F.col("arrival_time_ms") <= F.col("cutoff_ms"))
    missed = events.filter(F.col("arrival_time_ms") > F.col("cutoff_ms"))
    return windowed_aggregate(read, params), missed


def ordered(rows, params=PARAMS):
    return sorted(rows, key=lambda r: (r["window_start_ms"], *(r[k] for k in params["key_columns"])))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", help="directory of event files (default: events/<format> next to this script)")
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ap.add_argument("--output", help="also write the result rows as CSV files here (check.py --batch/--truth reads them)")
    ap.add_argument("--all-data", action="store_true",
                    help="aggregate every event (ground truth) instead of the scheduled runs")
    args = ap.parse_args(argv)
    if PARAMS["no_spark_equivalent"]:  # cumulative windows: nothing Spark can run
        print(PARAMS["no_spark_equivalent"], file=sys.stderr)
        return 2
    input_path = args.input or os.path.join(HERE, "events", args.format)

    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName(f"bslab-batch-{PARAMS['scenario']}")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    small_shuffles(spark)
    started = time.monotonic()
    events = read_events(spark, input_path, args.format)
    if args.all_data:
        result, missed = windowed_aggregate(events), None
    else:
        result, missed = scheduled_report(events)
    rows = ordered([r.asDict() for r in result.collect()])
    if args.output:
        result.write.mode("overwrite").option("header", True).csv(args.output)
    what = f"every event ({events.count()}, the ground truth)" if args.all_data else "the scheduled runs"
    total = sum(r["count"] for r in rows)
    money = sum(r.get("sum_cents") or 0 for r in rows)
    # Fraud outputs only alert rows: their events are not all the events.
    print(f"batch job over {what}: {len(rows)} (window, key) rows holding {total} events"
          + (f", {money // 100}.{money % 100:02d} in money" if PARAMS["amount_column"] else ""))
    if missed is not None:
        print(f"events missed (arrived after their period's run started): {missed.count()}")
    for r in rows[:20]:
        print("  ", r)
    if len(rows) > 20:
        print(f"   ... {len(rows) - 20} more (use --output DIR to keep them all)")
    print(f"batch job: {time.monotonic() - started:.1f} s")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
