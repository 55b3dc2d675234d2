#!/usr/bin/env python3
"""What does a running query (processingTime trigger) report while it is idle?

A live query whose input directory gets no new file still reports progress,
every `spark.sql.streaming.noDataProgressEventInterval` (10 s by default, 300 ms
here), without running a micro-batch. This probe runs one data file, one
no-data batch, then idles, and records every raw progress JSON, so that
`streaming_job.py` can be tested on what Spark really reports
(`spark/jobs_test.py` reads observed/idle_progress.json).

    $(scripts/spark-venv.sh) spark/probe/idle_progress_probe.py     # ~20 s
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from probe_lib import Case, build_query, make_spark, write_files  # noqa: E402


def consume(df, batch_id) -> None:
    """Processes the whole micro-batch (Spark 4.3 checks that every state partition committed)."""
    df.count()


def main() -> int:
    spark, startup = make_spark(shuffle_partitions=2)
    spark.conf.set("spark.sql.streaming.noDataProgressEventInterval", "300")
    print(f"Spark {spark.version}; session start {startup:.1f} s")
    case = Case("idle", "idle triggers", [[(1, 12000, "a", 1)]])
    tmp = tempfile.mkdtemp(prefix="bslab-idle-")
    try:
        inp = os.path.join(tmp, "in")
        os.makedirs(inp)
        write_files(case, inp)
        query = (build_query(spark, case, inp).writeStream.outputMode("append")
                 .option("checkpointLocation", os.path.join(tmp, "ckpt"))
                 .foreachBatch(consume)
                 .trigger(processingTime="200 milliseconds").start())
        time.sleep(12)
        query.stop()
        progress = [json.loads(p.json) for p in query.recentProgress]
        for p in progress:
            print(f"  batchId {p['batchId']}: numInputRows {p['numInputRows']}, "
                  f"durationMs {sorted(p.get('durationMs', {}))}")
        with open(os.path.join(HERE, "observed", "idle_progress.json"), "w") as f:
            json.dump({"spark_version": spark.version, "progress": progress}, f, indent=1)
            f.write("\n")
    finally:
        spark.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
