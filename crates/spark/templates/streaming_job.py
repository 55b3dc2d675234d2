#!/usr/bin/env python3
"""Batch x Stream Lab -- the STREAMING pipeline as Spark Structured Streaming.

Reads the exported events as a stream (file source, one file per micro-batch,
in file modification-time order), assigns each event to its event-time window,
drops late rows with an event-time watermark (`withWatermark`, the configured
delay) and outputs the scenario's aggregate per window in the configured output
mode. Exported by `bslab export`; the parameters are in PARAMS below.

    spark-submit streaming_job.py                        # replay the bundle's events/csv
    spark-submit streaming_job.py --input DIR --checkpoint DIR2 --output DIR3
    spark-submit streaming_job.py --trigger processing-time   # live: new files as they land

See README.md (Portuguese and English) for running it on a cluster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time

# __BSLAB_COMMON__


def order_local_files(path: str) -> bool:
    """Make the modification times of local event files increase in name order.

    Spark's file source takes files in modification-time order; `bslab export`
    writes them so, but unzipping may not keep the times. Only for local paths;
    returns True if it had to change them."""
    if "://" in path and not path.startswith("file://"):
        return False
    path = path[len("file://"):] if path.startswith("file://") else path
    if not os.path.isdir(path):
        return False
    names = sorted(n for n in os.listdir(path) if n.startswith("part-"))
    # Spark (Hadoop's file system) sees modification times in whole milliseconds: files
    # extracted within the same millisecond would tie, and ties come in any order.
    mtimes = [os.stat(os.path.join(path, n)).st_mtime_ns // 1_000_000 for n in names]
    if all(a < b for a, b in zip(mtimes, mtimes[1:])):
        return False
    base = int(time.time()) - len(names) - 60
    for i, name in enumerate(names):
        os.utime(os.path.join(path, name), (base + i, base + i))
    return True


def read_events(spark, input_path: str, fmt: str = "csv", params=PARAMS):
    """The events as a streaming DataFrame: one file per micro-batch."""
    reader = (
        spark.readStream.schema(event_schema(params))
        .option("maxFilesPerTrigger", 1)
        # Files are ordered by modification time; do not skip old-looking ones.
        .option("maxFileAge", "36500d")
    )
    if fmt == "csv":
        return reader.option("header", True).csv(input_path)
    return reader.json(input_path)


def windowed_query(events, params=PARAMS):
    """The scenario's query per event-time window, with the watermark."""
    from pyspark.sql import functions as F

    events = events.withColumn("event_time", F.timestamp_millis("event_time_ms")).withWatermark(
        "event_time", f"{params['watermark_delay_ms']} milliseconds"
    )
    return windowed_aggregate_by(events, F.col("event_time"), params)


def _ms(timestamp: str | None) -> int | None:
    """Milliseconds since the epoch of a progress timestamp (`...T00:00:07.000Z`)."""
    if timestamp is None:
        return None
    t = dt.datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    delta = t - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def progress_row(progress) -> dict | None:
    """What the parity check compares, from one `StreamingQueryProgress`; None for an
    idle trigger (live mode: a tick that found no new file and ran no batch, which
    Spark still reports, every `spark.sql.streaming.noDataProgressEventInterval`)."""
    p = json.loads(progress.json)
    if "addBatch" not in (p.get("durationMs") or {}):
        return None
    ops = p.get("stateOperators") or [{}]
    event_time = p.get("eventTime") or {}
    return {
        "batch_id": int(p["batchId"]),
        "input_rows": int(p.get("numInputRows", 0)),
        "watermark_ms": _ms(event_time.get("watermark")),
        "dropped_by_watermark": int(ops[0].get("numRowsDroppedByWatermark", 0)),
        "state_rows": int(ops[0].get("numRowsTotal", 0)),
        "state_rows_updated": int(ops[0].get("numRowsUpdated", 0)),
        # absent when the batch read no rows (a no-data batch)
        "event_time_min_ms": _ms(event_time.get("min")),
        "event_time_max_ms": _ms(event_time.get("max")),
        "event_time_avg_ms": _ms(event_time.get("avg")),
    }


def progress_rows(progresses) -> list[dict]:
    """The micro-batches that ran, in order (idle triggers left out)."""
    return [row for row in map(progress_row, progresses) if row is not None]


def remove_checkpoint(path: str, attempts: int = 50, pause_s: float = 0.1, rmtree=shutil.rmtree) -> bool:
    """Deletes the temporary checkpoint directory this job created. The state store's
    maintenance thread may still write into it for a moment after `query.stop()`
    ("Directory not empty"): retry, and if it still fails, leave it and say so
    rather than lose the run's results. Returns whether it is gone."""
    for _ in range(attempts):
        try:
            rmtree(path)
            return True
        except FileNotFoundError:
            return True
        except OSError:
            time.sleep(pause_s)
    print(f"note: could not delete the temporary checkpoint {path}; delete it yourself", file=sys.stderr)
    return False


def output_dirs(output: str) -> tuple[str, str]:
    """Where `--output DIR` puts the output rows and the per-micro-batch progress."""
    return output.rstrip("/") + "/rows", output.rstrip("/") + "/progress"


def path_exists(spark, path: str) -> bool:
    """Whether `path` exists, on any file system Spark can write to (local, HDFS, S3...)."""
    jpath = spark._jvm.org.apache.hadoop.fs.Path(path)
    return jpath.getFileSystem(spark._jsc.hadoopConfiguration()).exists(jpath)


def run(spark, input_path: str, fmt: str = "csv", checkpoint: str | None = None,
        output: str | None = None, trigger: str = "available-now", timeout_s: float | None = None,
        params=PARAMS, verbose: bool = True) -> dict:
    """Runs the streaming query; returns {"batches": [progress rows, each with its
    "emitted_rows" count], "emitted": {batch id: output rows}}.

    `available-now` replays every file present, one per micro-batch, then stops.
    `processing-time` is the live mode: a micro-batch every trigger interval over
    the files that landed since, until `timeout_s` seconds pass (or Ctrl-C).

    With `output`, the rows are written there (`rows/`, JSON, with their batch_id;
    `progress/`, one JSON line per micro-batch) and not collected to the driver:
    "emitted" is then empty. Both are appended to, never replaced; a new run (no
    `checkpoint` to resume from) refuses an `output` that already holds one, whose
    batch ids would mix with its own."""
    if output and checkpoint is None and path_exists(spark, output_dirs(output)[1]):
        raise ValueError(f"--output {output} already holds a run ({output_dirs(output)[1]}): "
                         "give a new directory, or --checkpoint of that run to resume it")
    if order_local_files(input_path) and verbose:
        print(f"note: set the modification times of {input_path} files in name order")
    spark.conf.set("spark.sql.streaming.numRecentProgressUpdates", "1000000")
    emitted: dict[int, list[dict]] = {}
    counts: dict[int, int] = {}

    def each_batch(batch_df, batch_id):
        if not output:
            emitted[int(batch_id)] = [r.asDict() for r in batch_df.collect()]
            counts[int(batch_id)] = len(emitted[int(batch_id)])
            return
        from pyspark.sql import functions as F

        # Two actions (write, count) on one micro-batch: without persist() Spark runs the
        # stateful aggregation twice and adds its metrics up (numRowsDroppedByWatermark
        # doubled).
        batch_df.persist()
        try:
            batch_df.withColumn("batch_id", F.lit(int(batch_id))).write.mode("append").json(output_dirs(output)[0])
            counts[int(batch_id)] = batch_df.count()
        finally:
            batch_df.unpersist()

    tmp = None
    if checkpoint is None:
        tmp = tempfile.mkdtemp(prefix="bslab-checkpoint-")
        checkpoint = tmp
    writer = (
        windowed_query(read_events(spark, input_path, fmt, params), params)
        .writeStream.outputMode(params["output_mode"])
        .option("checkpointLocation", checkpoint)
        .foreachBatch(each_batch)
    )
    if trigger == "available-now":
        writer = writer.trigger(availableNow=True)
    else:
        writer = writer.trigger(processingTime=f"{params['trigger_ms']} milliseconds")
    query = writer.start()
    try:
        query.awaitTermination(timeout_s)
    except KeyboardInterrupt:
        pass
    finally:
        if query.isActive:
            query.stop()
        batches = [dict(b, emitted_rows=counts.get(b["batch_id"], 0)) for b in progress_rows(query.recentProgress)]
        if tmp is not None:
            remove_checkpoint(tmp)
    if query.exception() is not None:
        raise RuntimeError(str(query.exception()))
    if output:
        schema = ("batch_id long, input_rows long, watermark_ms long, dropped_by_watermark long, "
                  "state_rows long, state_rows_updated long, event_time_min_ms long, "
                  "event_time_max_ms long, event_time_avg_ms long, emitted_rows long")
        spark.createDataFrame(batches, schema).coalesce(1).write.mode("append").json(output_dirs(output)[1])
    return {"batches": batches, "emitted": emitted}


def final_rows(emitted: dict, params=PARAMS) -> dict:
    """(window start, key...) -> last emitted row (update mode re-emits changed rows)."""
    rows = {}
    for batch_id in sorted(emitted):
        for r in emitted[batch_id]:
            key = (r["window_start_ms"], *(r[k] for k in params["key_columns"]))
            rows[key] = dict(r, batch_id=batch_id)
    return rows


def print_summary(result: dict, output: str | None = None, params=PARAMS) -> None:
    """Per micro-batch: rows read, watermark, Spark's numRowsDroppedByWatermark (which
    counts dropped (window, key) GROUPS: expected.json's `dropped_groups`, not its
    `dropped_rows`) and rows emitted; then the output rows, or where they went."""
    print(f"{'batch':>6} {'input rows':>10} {'watermark':>29} {'dropped groups':>14} {'emitted':>8}")
    for b in result["batches"]:
        wm = dt.datetime.fromtimestamp(b["watermark_ms"] / 1000, dt.timezone.utc)
        print(f"{b['batch_id']:>6} {b['input_rows']:>10} {wm.isoformat(timespec='milliseconds'):>29}"
              f" {b['dropped_by_watermark']:>14} {b['emitted_rows']:>8}")
    print(f"{len(result['batches'])} micro-batches ({params['output_mode']} mode), "
          f"{sum(b['emitted_rows'] for b in result['batches'])} rows emitted; "
          f"numRowsDroppedByWatermark in all: {sum(b['dropped_by_watermark'] for b in result['batches'])} "
          "(window, key) groups")
    if output:
        print(f"output rows in {output_dirs(output)[0]}, micro-batches in {output_dirs(output)[1]}; "
              f"compare with expected.json: python check.py {output}")
        return
    rows = final_rows(result["emitted"], params)
    print(f"{len(rows)} (window, key) rows output:")
    for key in sorted(rows)[:20]:
        print("  ", {k: v for k, v in rows[key].items()})
    if len(rows) > 20:
        print(f"   ... {len(rows) - 20} more (use --output DIR to keep them all)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", help="directory of event files (default: events/<format> next to this script)")
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ap.add_argument("--checkpoint", help="checkpoint directory (default: a temporary one)")
    ap.add_argument("--output", help="write every output row (with its batch_id) and every micro-batch's "
                    "progress as JSON here, instead of collecting them; check.py compares them")
    ap.add_argument("--trigger", choices=["available-now", "processing-time"], default="available-now")
    ap.add_argument("--timeout", type=float, default=None,
                    help="processing-time mode: stop after this many seconds")
    args = ap.parse_args(argv)
    if PARAMS["no_spark_equivalent"]:  # cumulative windows: nothing Spark can run
        print(PARAMS["no_spark_equivalent"], file=sys.stderr)
        return 2
    input_path = args.input or os.path.join(HERE, "events", args.format)

    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName(f"bslab-streaming-{PARAMS['scenario']}")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    small_shuffles(spark)
    started = time.monotonic()
    try:
        result = run(spark, input_path, args.format, args.checkpoint, args.output, args.trigger, args.timeout)
    except ValueError as e:
        print(f"streaming_job.py: {e}", file=sys.stderr)
        spark.stop()
        return 2
    print_summary(result, args.output)
    print(f"streaming job: {time.monotonic() - started:.1f} s")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
